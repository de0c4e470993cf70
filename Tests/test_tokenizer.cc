// Unit tests of the tokenizer's C interface (Parser/tokenizer.c, pycore_token.h).
// The tokenizer needs no interpreter state unless it has to raise (bad encodings), so these
// tests run without Py_Initialize().

#include <gtest/gtest.h>

#include <string>
#include <vector>

extern "C" {
#include "Python.h"
#include "pycore_token.h"
}

namespace {

struct Tok {
    int type;
    std::string text;
    int lineno, col, end_lineno, end_col;
};

// Tokenize src completely; the last token is ENDMARKER or ERRORTOKEN.
std::vector<Tok> Tokenize(const std::string &src, _PyTokenizer *out = nullptr)
{
    _PyTokenizer tok;
    EXPECT_EQ(_PyTokenizer_Init(&tok, src.data(), (Py_ssize_t)src.size(), 0), 0);
    std::vector<Tok> result;
    for (int i = 0; i < 10000; i++) {
        _PyToken t;
        int type = _PyTokenizer_Next(&tok, &t);
        result.push_back({type, std::string(t.start, t.end), t.lineno, t.col_offset,
                          t.end_lineno, t.end_col_offset});
        if (type == ENDMARKER || type == ERRORTOKEN) {
            break;
        }
    }
    if (out != nullptr) {
        *out = tok;
    }
    else {
        _PyTokenizer_Clear(&tok);
    }
    return result;
}

std::vector<int> Types(const std::string &src)
{
    std::vector<int> types;
    for (const Tok &t : Tokenize(src)) {
        types.push_back(t.type);
    }
    return types;
}

TEST(Tokenizer, SimpleStatement)
{
    auto toks = Tokenize("x = 1 + 2.5\n");
    ASSERT_EQ(toks.size(), 7u);
    EXPECT_EQ(toks[0].type, NAME);
    EXPECT_EQ(toks[0].text, "x");
    EXPECT_EQ(toks[1].type, EQUAL);
    EXPECT_EQ(toks[2].type, NUMBER);
    EXPECT_EQ(toks[3].type, PLUS);
    EXPECT_EQ(toks[4].type, NUMBER);
    EXPECT_EQ(toks[4].text, "2.5");
    EXPECT_EQ(toks[4].col, 8);
    EXPECT_EQ(toks[4].end_col, 11);
    EXPECT_EQ(toks[5].type, NEWLINE);
    EXPECT_EQ(toks[6].type, ENDMARKER);
}

TEST(Tokenizer, ImpliedNewlineAtEnd)
{
    EXPECT_EQ(Types("x"), (std::vector<int>{NAME, NEWLINE, ENDMARKER}));
    EXPECT_EQ(Types(""), (std::vector<int>{ENDMARKER}));
}

TEST(Tokenizer, IndentAndDedent)
{
    auto types = Types("if x:\n    y\n    if z:\n        w\nv\n");
    std::vector<int> expected = {NAME, NAME, COLON, NEWLINE, INDENT, NAME, NEWLINE,
                                 NAME, NAME, COLON, NEWLINE, INDENT, NAME, NEWLINE,
                                 DEDENT, DEDENT, NAME, NEWLINE, ENDMARKER};
    EXPECT_EQ(types, expected);
}

TEST(Tokenizer, BlankAndCommentLinesDoNotIndent)
{
    auto types = Types("if x:\n\n    # comment\n    y\n");
    std::vector<int> expected = {NAME, NAME, COLON, NEWLINE, INDENT, NAME, NEWLINE,
                                 DEDENT, ENDMARKER};
    EXPECT_EQ(types, expected);
}

TEST(Tokenizer, BracketsJoinLines)
{
    auto types = Types("f(1,\n  2)\n");
    std::vector<int> expected = {NAME, LPAR, NUMBER, COMMA, NUMBER, RPAR, NEWLINE, ENDMARKER};
    EXPECT_EQ(types, expected);
}

TEST(Tokenizer, BackslashContinuation)
{
    auto types = Types("x = 1 + \\\n  2\n");
    std::vector<int> expected = {NAME, EQUAL, NUMBER, PLUS, NUMBER, NEWLINE, ENDMARKER};
    EXPECT_EQ(types, expected);
}

TEST(Tokenizer, Operators)
{
    auto types = Types("a **= b // c -> d := e != f ... g @= h\n");
    std::vector<int> expected = {NAME, DOUBLESTAREQUAL, NAME, DOUBLESLASH, NAME, RARROW,
                                 NAME, COLONEQUAL, NAME, NOTEQUAL, NAME, ELLIPSIS, NAME,
                                 ATEQUAL, NAME, NEWLINE, ENDMARKER};
    EXPECT_EQ(types, expected);
}

TEST(Tokenizer, Numbers)
{
    for (const char *num : {"0", "00", "123", "1_000", "0x_fF", "0o17", "0b1_01", "1.5",
                            ".5", "5.", "1e10", "1E-5", "1_0.0_1e+1_0", "3j", "1.5J"}) {
        auto toks = Tokenize(std::string(num) + "\n");
        ASSERT_GE(toks.size(), 2u) << num;
        EXPECT_EQ(toks[0].type, NUMBER) << num;
        EXPECT_EQ(toks[0].text, num);
    }
}

TEST(Tokenizer, NumberErrors)
{
    _PyTokenizer tok;
    auto toks = Tokenize("x = 01\n", &tok);
    EXPECT_EQ(toks.back().type, ERRORTOKEN);
    EXPECT_STREQ(tok.err_msg, "leading zeros in decimal integer literals are not permitted; "
                              "use an 0o prefix for octal integers");
    _PyTokenizer_Clear(&tok);
    toks = Tokenize("0b102\n", &tok);
    EXPECT_STREQ(tok.err_msg, "invalid digit '2' in binary literal");
    _PyTokenizer_Clear(&tok);
}

TEST(Tokenizer, Strings)
{
    for (const char *s : {"'a'", "\"b\"", "'''c\nd'''", "r'\\d'", "b'x'", "Rb'x'", "bR'x'",
                          "u'x'", "'a\\'b'"}) {
        auto toks = Tokenize(std::string(s) + "\n");
        EXPECT_EQ(toks[0].type, STRING) << s;
        EXPECT_EQ(toks[0].text, s);
    }
}

TEST(Tokenizer, UnterminatedString)
{
    _PyTokenizer tok;
    auto toks = Tokenize("x = 'abc\n", &tok);
    EXPECT_EQ(toks.back().type, ERRORTOKEN);
    EXPECT_STREQ(tok.err_msg, "unterminated string literal (detected at line 1)");
    EXPECT_EQ(tok.err_lineno, 1);
    EXPECT_EQ(tok.err_col, 4);
    _PyTokenizer_Clear(&tok);
}

TEST(Tokenizer, FStringTokens)
{
    auto toks = Tokenize("f'a{x!r:>{w}}b'\n");
    std::vector<int> expected = {FSTRING_START, FSTRING_MIDDLE, LBRACE, NAME, EXCLAMATION,
                                 NAME, COLON, FSTRING_MIDDLE, LBRACE, NAME, RBRACE, RBRACE,
                                 FSTRING_MIDDLE, FSTRING_END, NEWLINE, ENDMARKER};
    std::vector<int> types;
    for (auto &t : toks) {
        types.push_back(t.type);
    }
    EXPECT_EQ(types, expected);
    EXPECT_EQ(toks[0].text, "f'");
    EXPECT_EQ(toks[1].text, "a");
    EXPECT_EQ(toks[7].text, ">");
    EXPECT_EQ(toks[12].text, "b");
}

TEST(Tokenizer, FStringNestedSameQuotes)
{
    auto types = Types("f\"{d[\"k\"]}\"\n");
    std::vector<int> expected = {FSTRING_START, LBRACE, NAME, LSQB, STRING, RSQB, RBRACE,
                                 FSTRING_END, NEWLINE, ENDMARKER};
    EXPECT_EQ(types, expected);
}

TEST(Tokenizer, FStringDoubledBraces)
{
    auto toks = Tokenize("f'{{x}}'\n");
    ASSERT_EQ(toks[1].type, FSTRING_MIDDLE);
    EXPECT_EQ(toks[1].text, "{{x}}");
    EXPECT_EQ(toks[2].type, FSTRING_END);
}

TEST(Tokenizer, Keywords)
{
    EXPECT_EQ(_PyToken_Keyword("if", 2), KW_IF);
    EXPECT_EQ(_PyToken_Keyword("None", 4), KW_NONE_);
    EXPECT_EQ(_PyToken_Keyword("match", 5), KW_MATCH);
    EXPECT_EQ(_PyToken_Keyword("_", 1), KW_UNDERSCORE);
    EXPECT_EQ(_PyToken_Keyword("iff", 3), KW_NONE);
    EXPECT_TRUE(KW_IS_SOFT(KW_TYPE));
    EXPECT_FALSE(KW_IS_SOFT(KW_DEF));
}

TEST(Tokenizer, IndentationErrors)
{
    _PyTokenizer tok;
    auto toks = Tokenize("if x:\n    y\n  z\n", &tok);
    EXPECT_EQ(toks.back().type, ERRORTOKEN);
    EXPECT_EQ(tok.err_kind, TOKERR_INDENTATION);
    EXPECT_STREQ(tok.err_msg, "unindent does not match any outer indentation level");
    _PyTokenizer_Clear(&tok);

    toks = Tokenize("if x:\n\ty\n        z\n", &tok);
    EXPECT_EQ(tok.err_kind, TOKERR_TAB);
    _PyTokenizer_Clear(&tok);
}

TEST(Tokenizer, UnclosedBracket)
{
    _PyTokenizer tok;
    auto toks = Tokenize("x = (1,\n2\n", &tok);
    EXPECT_EQ(toks.back().type, ERRORTOKEN);
    EXPECT_STREQ(tok.err_msg, "'(' was never closed");
    EXPECT_EQ(tok.err_lineno, 1);
    EXPECT_EQ(tok.err_col, 4);
    EXPECT_EQ(tok.err_incomplete, 1);
    _PyTokenizer_Clear(&tok);
}

TEST(Tokenizer, Utf8IdentifiersAndColumns)
{
    auto toks = Tokenize("é = 'ñ'\n");
    EXPECT_EQ(toks[0].type, NAME);
    EXPECT_EQ(toks[0].end_col, 2);  // columns are byte offsets
    EXPECT_EQ(toks[2].type, STRING);
    EXPECT_EQ(toks[2].col, 5);
}

TEST(Tokenizer, CrLfLineEndings)
{
    auto types = Types("x = 1\r\ny = 2\r\n");
    std::vector<int> expected = {NAME, EQUAL, NUMBER, NEWLINE, NAME, EQUAL, NUMBER, NEWLINE,
                                 ENDMARKER};
    EXPECT_EQ(types, expected);
}

TEST(Tokenizer, GetLine)
{
    _PyTokenizer tok;
    Tokenize("a = 1\nbb = 2\n", &tok);
    Py_ssize_t len;
    const char *line = _PyTokenizer_GetLine(&tok, 2, &len);
    ASSERT_NE(line, nullptr);
    EXPECT_EQ(std::string(line, len), "bb = 2");
    EXPECT_EQ(_PyTokenizer_GetLine(&tok, 9, &len), nullptr);
    _PyTokenizer_Clear(&tok);
}

}  // namespace

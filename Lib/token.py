"""Token constants (the numbers Python 3.13's tokenizer and the tokenize module use)."""

_NAMES = (
    'ENDMARKER NAME NUMBER STRING NEWLINE INDENT DEDENT LPAR RPAR LSQB RSQB COLON COMMA SEMI '
    'PLUS MINUS STAR SLASH VBAR AMPER LESS GREATER EQUAL DOT PERCENT LBRACE RBRACE EQEQUAL '
    'NOTEQUAL LESSEQUAL GREATEREQUAL TILDE CIRCUMFLEX LEFTSHIFT RIGHTSHIFT DOUBLESTAR '
    'PLUSEQUAL MINEQUAL STAREQUAL SLASHEQUAL PERCENTEQUAL AMPEREQUAL VBAREQUAL '
    'CIRCUMFLEXEQUAL LEFTSHIFTEQUAL RIGHTSHIFTEQUAL DOUBLESTAREQUAL DOUBLESLASH '
    'DOUBLESLASHEQUAL AT ATEQUAL RARROW ELLIPSIS COLONEQUAL EXCLAMATION OP TYPE_IGNORE '
    'TYPE_COMMENT SOFT_KEYWORD FSTRING_START FSTRING_MIDDLE FSTRING_END COMMENT NL ERRORTOKEN '
    'ENCODING N_TOKENS'
).split()

# The operator spelled by each of the exact token types LPAR .. EXCLAMATION, in order.
_OPERATORS = (
    '( ) [ ] : , ; + - * / | & < > = . % { } == != <= >= ~ ^ << >> ** += -= *= /= %= &= |= '
    '^= <<= >>= **= // //= @ @= -> ... := !'
).split()

tok_name = {}
for _value, _name in enumerate(_NAMES):
    globals()[_name] = _value
    tok_name[_value] = _name
NT_OFFSET = 256
tok_name[NT_OFFSET] = 'NT_OFFSET'

EXACT_TOKEN_TYPES = {op: LPAR + index for index, op in enumerate(_OPERATORS)}

__all__ = ['tok_name', 'ISTERMINAL', 'ISNONTERMINAL', 'ISEOF'] + _NAMES[:-1] + [
    'N_TOKENS', 'NT_OFFSET']

del _value, _name


def ISTERMINAL(x):
    """Return True for terminal token values (those below NT_OFFSET)."""
    return x < NT_OFFSET


def ISNONTERMINAL(x):
    """Return True for non-terminal token values."""
    return x >= NT_OFFSET


def ISEOF(x):
    """Return True if x is the marker indicating the end of input."""
    return x == ENDMARKER

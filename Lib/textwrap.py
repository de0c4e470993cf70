"""Text wrapping and filling.

Braid has no ``re`` module yet, so this implementation splits text into
chunks with hand-written scanners that reproduce CPython's word-separation
rules exactly (whitespace runs, hyphenated words, em-dashes, sentence ends).
The regular-expression class attributes of TextWrapper (``wordsep_re``,
``wordsep_simple_re`` and ``sentence_end_re``) therefore exist but are None;
subclasses should override ``_split`` or ``_fix_sentence_endings`` instead.
"""

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

# Only ASCII whitespace separates words; Unicode spaces such as U+00A0 are
# treated as part of a word, as in CPython.
_whitespace = '\t\n\x0b\x0c\r '


def _is_word_char(c):
    """Return True if c matches the regular-expression class \\w."""
    return c.isalnum() or c == '_'


def _is_letter(c):
    """Return True if c is a word character that is not a decimal digit."""
    return _is_word_char(c) and not c.isdecimal()


def _is_word_punct(c):
    """Return True if c may precede an em-dash inside a sentence."""
    return _is_word_char(c) or c in '!"\'&.,?'


def _emdash_at(text, i):
    """Return the end of an em-dash ("--", "---", ...) starting at text[i]
    that is followed by a word character, or -1 if there is none."""
    n = len(text)
    j = i
    while j < n and text[j] == '-':
        j += 1
    if j - i >= 2 and j < n and _is_word_char(text[j]):
        return j
    return -1


def _hyphen_breaks_after(text, j):
    """Return True if the hyphen text[j] ends a breakable word fragment.

    The hyphen must follow two letters (or letter-hyphen-letter) and be
    followed by a letter and, optionally after one more hyphen, a letter.
    """
    n = len(text)
    before = ((j >= 2 and _is_letter(text[j - 1]) and _is_letter(text[j - 2]))
              or (j >= 3 and _is_letter(text[j - 1]) and text[j - 2] == '-'
                  and _is_letter(text[j - 3])))
    if not before:
        return False
    if j + 1 >= n or not _is_letter(text[j + 1]):
        return False
    if j + 2 < n and _is_letter(text[j + 2]):
        return True
    return (j + 3 < n and text[j + 2] == '-' and _is_letter(text[j + 3]))


def _split_words_hyphens(text):
    """Split text into whitespace runs, words, word fragments ending in a
    breakable hyphen, and em-dashes."""
    chunks = []
    n = len(text)
    pos = 0
    while pos < n:
        c = text[pos]
        if c in _whitespace:
            end = pos + 1
            while end < n and text[end] in _whitespace:
                end += 1
        elif pos > 0 and _is_word_punct(text[pos - 1]) and _emdash_at(text, pos) > 0:
            end = _emdash_at(text, pos)
        else:
            end = pos + 1
            while True:
                if end == n or text[end] in _whitespace:
                    break
                if text[end] == '-' and _hyphen_breaks_after(text, end):
                    end += 1
                    break
                if _is_word_punct(text[end - 1]) and _emdash_at(text, end) > 0:
                    break
                end += 1
        chunks.append(text[pos:end])
        pos = end
    return chunks


def _split_words_simple(text):
    """Split text into alternating runs of whitespace and non-whitespace."""
    chunks = []
    n = len(text)
    pos = 0
    while pos < n:
        space = text[pos] in _whitespace
        end = pos + 1
        while end < n and (text[end] in _whitespace) == space:
            end += 1
        chunks.append(text[pos:end])
        pos = end
    return chunks


def _ends_sentence(chunk):
    """Return True if chunk ends with a lowercase ASCII letter followed by
    '.', '!' or '?' and an optional closing quote."""
    k = len(chunk)
    if k and chunk[k - 1] in '"\'':
        k -= 1
    return k >= 2 and chunk[k - 1] in '.!?' and 'a' <= chunk[k - 2] <= 'z'


class TextWrapper:
    """Object for wrapping/filling text.

    The public interface consists of the wrap() and fill() methods; the
    other methods are just there for subclasses to override in order to
    tweak the default behaviour.  Options are set as constructor keyword
    arguments or as instance attributes (see the library reference).
    """

    unicode_whitespace_trans = dict.fromkeys(map(ord, _whitespace), ord(' '))

    # See the module docstring: Braid implements these by hand.
    wordsep_re = None
    wordsep_simple_re = None
    sentence_end_re = None

    def __init__(self,
                 width=70,
                 initial_indent="",
                 subsequent_indent="",
                 expand_tabs=True,
                 replace_whitespace=True,
                 fix_sentence_endings=False,
                 break_long_words=True,
                 drop_whitespace=True,
                 break_on_hyphens=True,
                 tabsize=8,
                 *,
                 max_lines=None,
                 placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    # -- Private methods -----------------------------------------------

    def _munge_whitespace(self, text):
        """Expand tabs and turn every whitespace character into a space,
        as the options ask."""
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(self.unicode_whitespace_trans)
        return text

    def _split(self, text):
        """Split text into indivisible chunks: words, whitespace runs and,
        when break_on_hyphens is true, hyphenated word fragments."""
        if self.break_on_hyphens is True:
            return _split_words_hyphens(text)
        return _split_words_simple(text)

    def _fix_sentence_endings(self, chunks):
        """Replace the single space after each sentence end with two,
        in place."""
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and _ends_sentence(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        """Deal with a chunk too long to fit on any line."""
        if width < 1:
            space_left = 1
        else:
            space_left = width - cur_len

        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                # Prefer breaking after the last hyphen that fits, unless
                # only hyphens precede it.
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and any(c != '-' for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        """Assemble chunks into a list of lines no longer than width."""
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            if self.max_lines > 1:
                indent = self.subsequent_indent
            else:
                indent = self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")

        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            if lines:
                indent = self.subsequent_indent
            else:
                indent = self.initial_indent
            width = self.width - len(indent)

            if self.drop_whitespace and chunks[-1].strip() == '' and lines:
                del chunks[-1]

            while chunks:
                length = len(chunks[-1])
                if cur_len + length <= width:
                    cur_line.append(chunks.pop())
                    cur_len += length
                else:
                    break

            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(map(len, cur_line))

            if self.drop_whitespace and cur_line and cur_line[-1].strip() == '':
                cur_len -= len(cur_line[-1])
                del cur_line[-1]

            if not cur_line:
                continue
            if (self.max_lines is None
                    or len(lines) + 1 < self.max_lines
                    or ((not chunks
                         or (self.drop_whitespace and len(chunks) == 1
                             and not chunks[0].strip()))
                        and cur_len <= width)):
                lines.append(indent + ''.join(cur_line))
                continue

            # The line limit is reached: end with the placeholder.
            while cur_line:
                if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                    cur_line.append(self.placeholder)
                    lines.append(indent + ''.join(cur_line))
                    break
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            else:
                if lines:
                    prev_line = lines[-1].rstrip()
                    if len(prev_line) + len(self.placeholder) <= self.width:
                        lines[-1] = prev_line + self.placeholder
                        break
                lines.append(indent + self.placeholder.lstrip())
            break
        return lines

    def _split_chunks(self, text):
        text = self._munge_whitespace(text)
        return self._split(text)

    # -- Public interface ----------------------------------------------

    def wrap(self, text):
        """Wrap the single paragraph in text and return a list of lines,
        each at most self.width characters long, without final newlines."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """Wrap the single paragraph in text and return it as one string."""
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    """Wrap a single paragraph of text, returning a list of wrapped lines.

    Keyword arguments are TextWrapper options.
    """
    w = TextWrapper(width=width, **kwargs)
    return w.wrap(text)


def fill(text, width=70, **kwargs):
    """Fill a single paragraph of text, returning a new string.

    Keyword arguments are TextWrapper options.
    """
    w = TextWrapper(width=width, **kwargs)
    return w.fill(text)


def shorten(text, width, **kwargs):
    """Collapse and truncate text to fit in the given width.

    Runs of whitespace become single spaces; if the result does not fit,
    trailing words are dropped and the placeholder is appended.
    """
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))


def dedent(text):
    """Remove any common leading whitespace from every line in text.

    Lines that consist solely of spaces and tabs are normalized to empty
    lines and ignored when computing the margin.  Tabs and spaces are not
    considered equal: only an identical prefix is removed.
    """
    lines = text.split('\n')
    for i, line in enumerate(lines):
        if line and line.strip(' \t') == '':
            lines[i] = ''

    margin = None
    for line in lines:
        stripped = line.lstrip(' \t')
        if not stripped:
            continue
        indent = line[:len(line) - len(stripped)]
        if margin is None:
            margin = indent
        elif indent.startswith(margin):
            pass
        elif margin.startswith(indent):
            margin = indent
        else:
            for i, (x, y) in enumerate(zip(margin, indent)):
                if x != y:
                    margin = margin[:i]
                    break

    if margin:
        cut = len(margin)
        lines = [line[cut:] if line.startswith(margin) else line
                 for line in lines]
    return '\n'.join(lines)


def indent(text, prefix, predicate=None):
    """Add prefix to the beginning of selected lines in text.

    If predicate is given, prefix is added only to the lines for which
    predicate(line) is true; by default it is added to every line that
    does not consist solely of whitespace.
    """
    prefixed_lines = []
    for line in text.splitlines(True):
        if predicate is None:
            selected = not line.isspace()
        else:
            selected = predicate(line)
        if selected:
            prefixed_lines.append(prefix)
        prefixed_lines.append(line)
    return ''.join(prefixed_lines)

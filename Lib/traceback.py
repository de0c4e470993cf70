"""Extract, format and print information about Python stack traces and exceptions.

The output follows CPython 3.13's format, including chained exceptions, notes, exception
groups and SyntaxError carets.  Source positions are underlined with '^' when the failing
expression does not span its whole line; CPython's finer '~' anchors for the operands of
binary operators, subscripts and calls are not drawn.
"""

import sys
import linecache

__all__ = ['extract_stack', 'extract_tb', 'format_exception', 'format_exception_only',
           'format_list', 'format_stack', 'format_tb', 'print_exc', 'format_exc',
           'print_exception', 'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException', 'walk_stack', 'walk_tb']

_REPEAT_LIMIT = 3
_CAUSE_SEPARATOR = ("\nThe above exception was the direct cause of the following exception:\n\n")
_CONTEXT_SEPARATOR = ("\nDuring handling of the above exception, another exception occurred:\n\n")
_sentinel = object()


def print_list(extracted_list, file=None):
    """Print the list of (filename, lineno, name, line) tuples or FrameSummary objects."""
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def format_list(extracted_list):
    """Format a list of FrameSummary objects (or 4-tuples) for printing."""
    return StackSummary.from_list(extracted_list).format()


def print_tb(tb, limit=None, file=None):
    """Print up to limit stack trace entries from the traceback tb."""
    print_list(extract_tb(tb, limit=limit), file=file)


def format_tb(tb, limit=None):
    """A shorthand for 'format_list(extract_tb(tb, limit))'."""
    return extract_tb(tb, limit=limit).format()


def extract_tb(tb, limit=None):
    """Return a StackSummary of the entries of traceback tb (oldest first)."""
    return StackSummary._from_positioned_frames(_tb_frames_with_positions(tb),
                                                         limit=limit)


def _value_and_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, exc.__traceback__
            raise TypeError(f'Exception expected for value, {type(exc).__name__} found')
        return None, None
    return value, tb


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    """Print exception up to 'limit' stack trace entries from 'tb' to 'file', with its chained
    causes and contexts, like the interpreter does for an uncaught exception."""
    value, tb = _value_and_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    te.print(file=file, chain=chain)


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """Format a stack trace and the exception information; a list of strings ending in
    newlines, which when concatenated print the same text as print_exception()."""
    value, tb = _value_and_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    return list(te.format(chain=chain))


def format_exception_only(exc, /, value=_sentinel, *, show_group=False):
    """Format the exception part of a traceback: usually one line 'Type: message'."""
    if value is _sentinel:
        value = exc
    te = TracebackException(type(value), value, None, compact=True)
    return list(te.format_exception_only(show_group=show_group))


def _exception_line(etype, value):
    valuestr = _text_or_placeholder(value, 'exception')
    if value is None or not valuestr:
        return "%s\n" % etype
    return "%s: %s\n" % (etype, valuestr)


def _text_or_placeholder(value, what, func=str):
    try:
        return func(value)
    except Exception:
        return f'<{what} {func.__name__}() failed>'


def print_exc(limit=None, file=None, chain=True):
    """Shorthand for 'print_exception(sys.exception(), limit, file, chain)'."""
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)


def format_exc(limit=None, chain=True):
    """Like print_exc() but return a string."""
    return "".join(format_exception(sys.exception(), limit=limit, chain=chain))


def print_last(limit=None, file=None, chain=True):
    """Print the last exception reported by the interpreter's top level (sys.last_exc)."""
    if not hasattr(sys, "last_exc") and not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    if hasattr(sys, "last_exc"):
        print_exception(sys.last_exc, limit=limit, file=file, chain=chain)
    else:
        print_exception(sys.last_type, sys.last_value, sys.last_traceback, limit=limit,
                        file=file, chain=chain)


def print_stack(f=None, limit=None, file=None):
    """Print a stack trace from its invocation point (or frame f)."""
    if f is None:
        f = sys._getframe().f_back
    print_list(extract_stack(f, limit=limit), file=file)


def format_stack(f=None, limit=None):
    """Shorthand for 'format_list(extract_stack(f, limit))'."""
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit=limit))


def extract_stack(f=None, limit=None):
    """Extract the raw traceback from the current stack frame (oldest entry first)."""
    if f is None:
        f = sys._getframe().f_back
    stack = StackSummary.extract(walk_stack(f), limit=limit)
    stack.reverse()
    return stack


def clear_frames(tb):
    """Clear all references to local variables in the frames of a traceback."""
    while tb is not None:
        try:
            tb.tb_frame.clear()
        except RuntimeError:
            pass
        tb = tb.tb_next


class FrameSummary:
    """Information about a single frame of a traceback: filename, lineno, name, line, and
    the column range of the failing instruction when known."""

    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno', 'name', '_line',
                 'locals')

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.end_lineno = lineno if end_lineno is None else end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self.name = name
        self._line = line
        if lookup_line:
            self.line
        self.locals = {k: _text_or_placeholder(v, 'local', func=repr)
                       for k, v in locals.items()} if locals else None

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno and
                    self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def _original_line(self):
        self.line
        return self._line

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = linecache.getline(self.filename, self.lineno)
        return self._line.strip()


def walk_stack(f):
    """Walk a stack yielding the frame and line number for each frame."""
    if f is None:
        f = sys._getframe().f_back.f_back.f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def walk_tb(tb):
    """Walk a traceback yielding the frame and line number for each frame."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def _code_position(code, instruction_index):
    if instruction_index < 0:
        return (None, None, None, None)
    positions_gen = code.co_positions()
    for i, position in enumerate(positions_gen):
        if i == instruction_index // 2:
            return position
    return (None, None, None, None)


def _tb_frames_with_positions(tb):
    while tb is not None:
        positions = (tb.tb_lineno, None, None, None)
        try:
            positions = _code_position(tb.tb_frame.f_code, tb.tb_lasti)
        except (AttributeError, TypeError, ValueError):
            pass
        if positions[0] is None:
            positions = (tb.tb_lineno,) + tuple(positions[1:])
        yield tb.tb_frame, positions
        tb = tb.tb_next


class StackSummary(list):
    """A list of FrameSummary objects, representing a stack of frames."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True, capture_locals=False):
        """Create a StackSummary from an iterable of (frame, lineno) pairs."""
        def extended_frame_gen():
            for f, lineno in frame_gen:
                yield f, (lineno, None, None, None)
        return klass._from_positioned_frames(
            extended_frame_gen(), limit=limit, lookup_lines=lookup_lines,
            capture_locals=capture_locals)

    @classmethod
    def _from_positioned_frames(klass, frame_gen, *, limit=None, lookup_lines=True,
                                         capture_locals=False):
        if limit is None:
            limit = getattr(sys, 'tracebacklimit', None)
            if limit is not None and limit < 0:
                limit = 0
        frames = list(frame_gen)
        if limit is not None:
            if limit >= 0:
                frames = frames[:limit]
            else:
                frames = frames[limit:]
        result = klass()
        fnames = set()
        for f, (lineno, end_lineno, colno, end_colno) in frames:
            co = f.f_code
            filename = co.co_filename
            name = co.co_name
            fnames.add(filename)
            f_locals = f.f_locals if capture_locals else None
            result.append(FrameSummary(filename, lineno, name, lookup_line=False,
                                       locals=f_locals, end_lineno=end_lineno, colno=colno,
                                       end_colno=end_colno))
        for filename in fnames:
            linecache.checkcache(filename)
        if lookup_lines:
            for f in result:
                f.line
        return result

    @classmethod
    def from_list(klass, a_list):
        """Create a StackSummary from FrameSummary objects or (filename, lineno, name, line)
        tuples."""
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        """Format one frame: the File line, the source line, and carets when useful."""
        row = ['  File "{}", line {}, in {}\n'.format(
            frame_summary.filename, frame_summary.lineno, frame_summary.name)]
        if frame_summary.line:
            original = frame_summary._original_line
            stripped = original.strip()
            row.append('    {}\n'.format(stripped))
            carets = self._carets(frame_summary, original)
            if carets:
                row.append('    {}\n'.format(carets))
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append('    {name} = {value}\n'.format(name=name, value=value))
        return ''.join(row)

    @staticmethod
    def _carets(frame_summary, original):
        if (frame_summary.colno is None or frame_summary.end_colno is None or
                frame_summary.end_lineno != frame_summary.lineno):
            return None
        encoded = original.encode('utf-8')
        start = len(encoded[:frame_summary.colno].decode('utf-8', 'replace'))
        end = len(encoded[:frame_summary.end_colno].decode('utf-8', 'replace'))
        if end <= start:
            return None
        stripped_start = len(original) - len(original.lstrip())
        segment = original[start:end]
        statement = original.strip()
        if _is_plain_call_statement(statement, segment):
            return None
        anchors = _anchors(segment)
        whole_line = start <= stripped_start and end >= len(original.rstrip())
        if anchors is None:
            if whole_line:
                return None
            return ' ' * (start - stripped_start) + '^' * (end - start)
        left_end, right_start = anchors
        marks = ''.join('^' if left_end <= i < right_start else '~'
                        for i in range(end - start))
        return ' ' * (start - stripped_start) + marks

    def format(self):
        """Format the stack ready for printing; repeated identical frames beyond three are
        summarised as '[Previous line repeated N more times]'."""
        result = []
        last_file = None
        last_line = None
        last_name = None
        count = 0
        for frame_summary in self:
            formatted_frame = self.format_frame_summary(frame_summary)
            if formatted_frame is None:
                continue
            if (last_file is None or last_file != frame_summary.filename or
                    last_line is None or last_line != frame_summary.lineno or
                    last_name is None or last_name != frame_summary.name):
                if count > _REPEAT_LIMIT:
                    count -= _REPEAT_LIMIT
                    result.append(f'  [Previous line repeated {count} more '
                                  f'time{"s" if count > 1 else ""}]\n')
                last_file = frame_summary.filename
                last_line = frame_summary.lineno
                last_name = frame_summary.name
                count = 0
            count += 1
            if count > _REPEAT_LIMIT:
                continue
            result.append(formatted_frame)
        if count > _REPEAT_LIMIT:
            count -= _REPEAT_LIMIT
            result.append(f'  [Previous line repeated {count} more '
                          f'time{"s" if count > 1 else ""}]\n')
        return result


_BINARY_PRECEDENCE = {'|': 1, '^': 2, '&': 3, '<<': 4, '>>': 4, '+': 5, '-': 5, '*': 6,
                      '@': 6, '/': 6, '//': 6, '%': 6, '**': 8}


def _top_level_tokens(segment):
    """Yield (kind, start, end) for the tokens of segment at bracket depth 0: kind is 'op'
    for operator characters, 'open' for an opening bracket (its whole group is skipped and
    reported as 'group' ending at the closing bracket), 'atom' otherwise."""
    i = 0
    n = len(segment)
    while i < n:
        c = segment[i]
        if c.isspace():
            i += 1
        elif c in '([{':
            depth = 0
            j = i
            while j < n:
                ch = segment[j]
                if ch in '([{':
                    depth += 1
                elif ch in ')]}':
                    depth -= 1
                    if depth == 0:
                        break
                elif ch in '"\'':
                    j = _skip_string(segment, j) - 1
                j += 1
            yield ('group', i, min(j + 1, n))
            i = j + 1
        elif c in '"\'':
            j = _skip_string(segment, i)
            yield ('atom', i, j)
            i = j
        elif c.isalnum() or c == '_' or c == '.' or ord(c) > 127:
            j = i
            while j < n and (segment[j].isalnum() or segment[j] in '_.' or ord(segment[j]) > 127):
                j += 1
            yield ('atom', i, j)
            i = j
        else:
            j = i + 1
            if segment[i:i + 2] in ('**', '//', '<<', '>>'):
                j = i + 2
            yield ('op', i, j)
            i = j


def _skip_string(segment, i):
    """Index just past the string literal starting at segment[i] (a quote)."""
    quote = segment[i]
    if segment[i:i + 3] == quote * 3:
        end = segment.find(quote * 3, i + 3)
        return len(segment) if end < 0 else end + 3
    j = i + 1
    while j < len(segment):
        if segment[j] == '\\':
            j += 2
            continue
        if segment[j] == quote:
            return j + 1
        j += 1
    return len(segment)


def _anchors(segment):
    """Where to draw '^' inside a highlighted expression, as CPython 3.13 does: the operator of
    a binary operation, the subscript of an item access, the argument list of a call.
    Return (start, end) offsets within segment, or None for other expressions."""
    tokens = list(_top_level_tokens(segment))
    if not tokens:
        return None
    best = None
    previous_is_operand = False
    for kind, start, end in tokens:
        text = segment[start:end]
        if kind == 'op' and previous_is_operand and text in _BINARY_PRECEDENCE:
            level = _BINARY_PRECEDENCE[text]
            if best is None or level < best[0] or (level == best[0] and text != '**'):
                best = (level, start, end)
            previous_is_operand = False
        else:
            previous_is_operand = kind != 'op'
    if best is not None:
        return best[1], best[2]
    kind, start, end = tokens[-1]
    if kind == 'group' and len(tokens) > 1 and segment[start] in '([':
        kinds = [token[0] for token in tokens[:-1]]
        if any(a == b == 'atom' for a, b in zip(kinds, kinds[1:])):
            return None     # a statement such as `raise f(x)`, not one expression
        return start, end
    return None


def _is_plain_call_statement(statement, segment):
    """True for `return name(...)` and `target = call(...)` where the call is the whole value:
    CPython 3.13 draws no carets for those."""
    tokens = list(_top_level_tokens(segment))
    is_call = (len(tokens) >= 2 and tokens[-1][0] == 'group' and segment[tokens[-1][1]] == '('
               and tokens[-1][2] == len(segment))
    if not is_call:
        return False
    if statement.startswith('return ') and statement[7:].strip() == segment:
        callee = segment[:tokens[-1][1]]
        return callee.isidentifier()
    target, eq, value = statement.partition('=')
    if eq and value.strip() == segment and target.strip().isidentifier():
        return not value.startswith('=')
    return False


class TracebackException:
    """An exception ready for rendering: the traceback (stack), the exception type name and
    message, and its __cause__/__context__ chain and group members as TracebackExceptions."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None, lookup_lines=True,
                 capture_locals=False, compact=False, max_group_width=15,
                 max_group_depth=10, _seen=None):
        is_recursive_call = _seen is not None
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))
        self.max_group_width = max_group_width
        self.max_group_depth = max_group_depth
        self.stack = StackSummary._from_positioned_frames(
            _tb_frames_with_positions(exc_traceback), limit=limit,
            lookup_lines=lookup_lines, capture_locals=capture_locals)
        self.exc_type = exc_type
        self._str = _text_or_placeholder(exc_value, 'exception')
        try:
            self.__notes__ = getattr(exc_value, '__notes__', None)
        except Exception as e:
            self.__notes__ = [f'Ignored error getting __notes__: {_text_or_placeholder(e, "__notes__", repr)}']
        self._is_syntax_error = False
        self._have_exc_type = exc_type is not None
        if exc_type is not None:
            self.exc_type_qualname = exc_type.__qualname__
            self.exc_type_module = exc_type.__module__
        else:
            self.exc_type_qualname = None
            self.exc_type_module = None
        if exc_type and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lno = exc_value.lineno
            self.lineno = str(lno) if lno is not None else None
            end_lno = exc_value.end_lineno
            self.end_lineno = str(end_lno) if end_lno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.end_offset = exc_value.end_offset
            self.msg = exc_value.msg
            self._is_syntax_error = True
        if lookup_lines:
            self._load_lines()
        self.__suppress_context__ = \
            exc_value.__suppress_context__ if exc_value is not None else False
        self.__cause__ = None
        self.__context__ = None
        self.exceptions = None
        if exc_value is not None:
            cause = exc_value.__cause__
            if cause is not None and id(cause) not in _seen:
                self.__cause__ = TracebackException(
                    type(cause), cause, cause.__traceback__, limit=limit,
                    lookup_lines=lookup_lines, capture_locals=capture_locals,
                    max_group_width=max_group_width, max_group_depth=max_group_depth,
                    _seen=_seen)
            context = exc_value.__context__
            if (context is not None and id(context) not in _seen and
                    not (compact and self.__cause__ is not None) and
                    not (compact and self.__suppress_context__)):
                self.__context__ = TracebackException(
                    type(context), context, context.__traceback__, limit=limit,
                    lookup_lines=lookup_lines, capture_locals=capture_locals,
                    max_group_width=max_group_width, max_group_depth=max_group_depth,
                    _seen=_seen)
            if isinstance(exc_value, BaseExceptionGroup):
                self.exceptions = [
                    TracebackException(type(exc), exc, exc.__traceback__, limit=limit,
                                       lookup_lines=lookup_lines,
                                       capture_locals=capture_locals,
                                       max_group_width=max_group_width,
                                       max_group_depth=max_group_depth, _seen=_seen)
                    for exc in exc_value.exceptions]

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        """Create a TracebackException from an exception."""
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    @property
    def exc_type_str(self):
        return self.exc_type_qualname

    def _load_lines(self):
        for frame in self.stack:
            frame.line

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return (self.exc_type == other.exc_type and self._str == other._str and
                    self.stack == other.stack and self.__cause__ == other.__cause__ and
                    self.__context__ == other.__context__)
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self, *, show_group=False, _depth=0):
        """Format the exception part of the traceback: 'Type: message' plus notes (and the
        SyntaxError source line and caret)."""
        indent = 3 * _depth * ' '
        if not self._have_exc_type:
            yield indent + _exception_line(None, self._str)
            return
        stype = self.exc_type_qualname
        smod = self.exc_type_module
        if smod not in ("__main__", "builtins"):
            if not isinstance(smod, str):
                smod = "<unknown>"
            stype = smod + '.' + stype
        if not self._is_syntax_error:
            if _depth > 0:
                formatted = _exception_line(stype, self._str).split('\n')
                yield from [indent + l + '\n' for l in formatted if l]
            else:
                yield _exception_line(stype, self._str)
        else:
            yield from [indent + l for l in self._format_syntax_error(stype)]
        if isinstance(self.__notes__, (list, tuple)):
            for note in self.__notes__:
                note = _text_or_placeholder(note, 'note')
                yield from [indent + l + '\n' for l in note.split('\n')]
        elif self.__notes__ is not None:
            yield indent + "{}\n".format(_text_or_placeholder(self.__notes__, '__notes__', func=repr))
        if self.exceptions and show_group:
            for ex in self.exceptions:
                yield from ex.format_exception_only(show_group=show_group, _depth=_depth + 1)

    def _format_syntax_error(self, stype):
        filename_suffix = ''
        if self.lineno is not None:
            yield '  File "{}", line {}\n'.format(self.filename or "<string>", self.lineno)
        elif self.filename is not None:
            filename_suffix = ' ({})'.format(self.filename)
        text = self.text
        if text is not None:
            rtext = text.rstrip('\n')
            ltext = rtext.lstrip(' \n\f')
            spaces = len(rtext) - len(ltext)
            yield '    {}\n'.format(ltext)
            if self.offset is not None:
                offset = self.offset
                end_offset = self.end_offset if self.end_offset not in {None, 0} else offset
                if self.text and offset > len(self.text):
                    offset = len(self.text) + 1
                if self.text and end_offset > len(self.text):
                    end_offset = len(self.text) + 1
                if offset >= end_offset or end_offset < 0:
                    end_offset = offset + 1
                colno = offset - 1 - spaces
                end_colno = end_offset - 1 - spaces
                if colno >= 0:
                    caretspace = ((c if c.isspace() else ' ') for c in ltext[:colno])
                    yield '    {}{}\n'.format("".join(caretspace), '^' * (end_colno - colno))
        msg = self.msg or "<no detail available>"
        yield "{}: {}{}\n".format(stype, msg, filename_suffix)

    def format(self, *, chain=True, _ctx=None):
        """Format the exception with its traceback and chain, as a generator of lines."""
        if _ctx is None:
            _ctx = _GroupIndent()
        output = []
        exc = self
        if chain:
            while exc:
                if exc.__cause__ is not None:
                    chained_msg = _CAUSE_SEPARATOR
                    chained_exc = exc.__cause__
                elif exc.__context__ is not None and not exc.__suppress_context__:
                    chained_msg = _CONTEXT_SEPARATOR
                    chained_exc = exc.__context__
                else:
                    chained_msg = None
                    chained_exc = None
                output.append((chained_msg, exc))
                exc = chained_exc
        else:
            output.append((None, exc))
        for msg, exc in reversed(output):
            if msg is not None:
                yield from _ctx.emit(msg)
            if exc.exceptions is None:
                if exc.stack:
                    yield from _ctx.emit('Traceback (most recent call last):\n')
                    yield from _ctx.emit(exc.stack.format())
                yield from _ctx.emit(exc.format_exception_only())
            elif _ctx.depth > self.max_group_depth:
                yield from _ctx.emit(
                    f"... (max_group_depth is {self.max_group_depth})\n")
            else:
                is_toplevel = (_ctx.depth == 0)
                if is_toplevel:
                    _ctx.depth += 1
                if exc.stack:
                    yield from _ctx.emit('Exception Group Traceback (most recent call last):\n',
                                         margin_char='+' if is_toplevel else None)
                    yield from _ctx.emit(exc.stack.format())
                yield from _ctx.emit(exc.format_exception_only())
                num_excs = len(exc.exceptions)
                if num_excs <= self.max_group_width:
                    n = num_excs
                else:
                    n = self.max_group_width + 1
                _ctx.close_box = False
                for i in range(n):
                    last_exc = (i == n - 1)
                    if last_exc:
                        _ctx.close_box = True
                    if self.max_group_width is not None:
                        truncated = (i >= self.max_group_width)
                    else:
                        truncated = False
                    title = f'{i + 1}' if not truncated else '...'
                    yield (_ctx.indent() + ('+-' if i == 0 else '  ') +
                           f'+---------------- {title} ----------------\n')
                    _ctx.depth += 1
                    if not truncated:
                        yield from exc.exceptions[i].format(chain=chain, _ctx=_ctx)
                    else:
                        remaining = num_excs - self.max_group_width
                        plural = 's' if remaining > 1 else ''
                        yield from _ctx.emit(f"and {remaining} more exception{plural}\n")
                    if last_exc and _ctx.close_box:
                        yield (_ctx.indent() + "+------------------------------------\n")
                        _ctx.close_box = False
                    _ctx.depth -= 1
                if is_toplevel:
                    assert _ctx.depth == 1
                    _ctx.depth = 0

    def print(self, *, file=None, chain=True):
        """Print the result of self.format(chain=chain) to 'file'."""
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end="")

    def stack_summary(self):
        return self.stack


class _GroupIndent:
    def __init__(self):
        self.seen = set()
        self.depth = 0
        self.close_box = False

    def indent(self):
        return ' ' * (2 * self.depth)

    def emit(self, text_gen, margin_char=None):
        if margin_char is None:
            margin_char = '|'
        indent_str = self.indent()
        if self.depth:
            indent_str += margin_char + ' '
        if isinstance(text_gen, str):
            yield _prefix_lines(text_gen, indent_str)
        else:
            for text in text_gen:
                yield _prefix_lines(text, indent_str)


def _prefix_lines(text, prefix):
    return ''.join(prefix + line for line in text.splitlines(True))

"""Backtracking matcher for Braid's re module (continuation-passing closures)."""

from re._parser import I, A, L


class State:
    __slots__ = ('s', 'end', 'marks', 'last', 'noempty', 'start', 'begin')


def _word_pred(ascii_only):
    if ascii_only:
        return lambda c: c < '\x80' and (c.isalnum() or c == '_')
    return lambda c: c.isalnum() or c == '_'


def cat_pred(c, flags):
    asc = bool(flags & (A | L))
    if c in 'dD':
        if asc:
            p = lambda ch: '0' <= ch <= '9'
        else:
            p = lambda ch: ch.isdecimal()
    elif c in 'wW':
        p = _word_pred(asc)
    else:
        if asc:
            p = lambda ch: ch in ' \t\n\r\f\v'
        else:
            p = lambda ch: ch.isspace() or ch in '\x1c\x1d\x1e\x1f\x85'
    if c.isupper():
        return lambda ch: not p(ch)
    return p


def set_pred(node):
    _, neg, items, flags = node
    chars = set()
    ranges = []
    preds = []
    for it in items:
        if it[0] == 'chars':
            chars.add(it[1])
        elif it[0] == 'range':
            ranges.append((it[1], it[2]))
        else:
            preds.append(cat_pred(it[1], it[2]))
    icase = bool(flags & I)

    def base(ch):
        if ch in chars:
            return True
        for a, b in ranges:
            if a <= ch <= b:
                return True
        for q in preds:
            if q(ch):
                return True
        return False

    if icase:
        def test(ch):
            if base(ch):
                return True
            lo = ch.lower()
            if len(lo) == 1 and lo != ch and base(lo):
                return True
            up = ch.upper()
            if len(up) == 1 and up != ch and base(up):
                return True
            return False
    else:
        test = base
    if not ranges and not preds and not neg:
        if not icase:
            return chars.__contains__
    if neg:
        return lambda ch: not test(ch)
    return test


def char_pred(node):
    t = node[0]
    if t == 'lit':
        ch = node[1]
        return lambda c: c == ch
    if t == 'any':
        if node[1]:
            return lambda c: True
        return lambda c: c != '\n'
    if t == 'set':
        return set_pred(node)
    if t == 'cat':
        return cat_pred(node[1], node[2])
    return None


def at_test(node):
    kind = node[1]
    if kind == 'bol':
        return lambda st, i: i == 0
    if kind == 'mbol':
        return lambda st, i: i == 0 or st.s[i - 1] == '\n'
    if kind == 'eol':
        return lambda st, i: i == st.end or (i == st.end - 1 and st.s[i] == '\n')
    if kind == 'meol':
        return lambda st, i: i == st.end or st.s[i] == '\n'
    if kind == 'begin':
        return lambda st, i: i == 0
    if kind == 'end':
        return lambda st, i: i == st.end
    w = _word_pred(bool(node[2] & (A | L)))

    def boundary(st, i):
        a = i > 0 and w(st.s[i - 1])
        b = i < st.end and w(st.s[i])
        return a != b
    if kind == 'boundary':
        return boundary
    return lambda st, i: st.end > 0 and not boundary(st, i)


def merge_literals(items):
    out = []
    buf = []
    for n in items:
        if n[0] == 'lit':
            buf.append(n[1])
            continue
        if buf:
            out.append(('str', ''.join(buf)) if len(buf) > 1 else ('lit', buf[0]))
            buf = []
        out.append(n)
    if buf:
        out.append(('str', ''.join(buf)) if len(buf) > 1 else ('lit', buf[0]))
    return out


def comp(node):
    """Return f(st, i, k) -> bool."""
    t = node[0]
    p = char_pred(node)
    if p is not None:
        def one(st, i, k):
            return i < st.end and p(st.s[i]) and k(st, i + 1)
        return one
    if t == 'str':
        text = node[1]
        n = len(text)

        def lit_str(st, i, k):
            return st.s.startswith(text, i, st.end) and k(st, i + n)
        return lit_str
    if t == 'empty':
        return lambda st, i, k: k(st, i)
    if t == 'seq':
        fs = [comp(n) for n in merge_literals(node[1])]
        if not fs:
            return lambda st, i, k: k(st, i)
        f = fs[-1]
        for g in reversed(fs[:-1]):
            f = _chain(g, f)
        return f
    if t == 'alt':
        fs = [comp(n) for n in node[1]]

        def alt(st, i, k):
            for f in fs:
                if f(st, i, k):
                    return True
            return False
        return alt
    if t == 'at':
        test = at_test(node)
        return lambda st, i, k: test(st, i) and k(st, i)
    if t == 'group':
        return comp_group(node[1], comp(node[2]))
    if t == 'rep':
        return comp_rep(node)
    if t == 'backref':
        return comp_backref(node[1], node[2])
    if t == 'look':
        return comp_look(node)
    if t == 'atomic':
        return comp_atomic(comp(node[1]))
    if t == 'cond':
        g = node[1]
        yes = comp(node[2])
        no = comp(node[3])

        def cond(st, i, k):
            if st.marks[2 * g + 1] >= 0:
                return yes(st, i, k)
            return no(st, i, k)
        return cond
    raise AssertionError('unknown node %r' % (t,))


def _chain(f, g):
    def chained(st, i, k):
        return f(st, i, lambda st2, j: g(st2, j, k))
    return chained


def comp_group(g, body):
    a = 2 * g
    b = a + 1

    def group(st, i, k):
        def close(st, j):
            marks = st.marks
            o0 = marks[a]
            o1 = marks[b]
            ol = st.last
            marks[a] = i
            marks[b] = j
            st.last = g
            if k(st, j):
                return True
            marks[a] = o0
            marks[b] = o1
            st.last = ol
            return False
        return body(st, i, close)
    return group


def comp_backref(g, icase):
    a = 2 * g

    def backref(st, i, k):
        s0 = st.marks[a]
        s1 = st.marks[a + 1]
        if s0 < 0 or s1 < 0:
            return False
        n = s1 - s0
        if i + n > st.end:
            return False
        if icase:
            if st.s[s0:s1].lower() != st.s[i:i + n].lower():
                return False
        elif not st.s.startswith(st.s[s0:s1], i):
            return False
        return k(st, i + n)
    return backref


def _snapshot(st):
    return st.marks[:], st.last


def _restore(st, snap):
    st.marks[:] = snap[0]
    st.last = snap[1]


def _found(st, j):
    st.start = j
    return True


def comp_atomic(body):
    def atomic(st, i, k):
        snap = _snapshot(st)
        if not body(st, i, _found):
            return False
        if k(st, st.start):
            return True
        _restore(st, snap)
        return False
    return atomic


def comp_look(node):
    _, ahead, neg, body, w = node
    f = comp(body)

    def look(st, i, k):
        if ahead:
            at = i
            fin = _found
        else:
            at = i - w
            if at < 0:
                return neg and k(st, i)
            fin = lambda st2, j: j == i
        snap = _snapshot(st)
        # lookbehind may read before pos, but not past the end limit
        r = f(st, at, fin)
        if neg:
            _restore(st, snap)
            if r:
                return False
            return k(st, i)
        if not r:
            _restore(st, snap)
            return False
        if k(st, i):
            return True
        _restore(st, snap)
        return False
    return look


def det(node):
    """Return d(s, i, end) -> end index or -1 for nodes that match in at most
    one way (no backtracking inside), else None."""
    p = char_pred(node)
    if p is not None:
        return lambda s, i, end: i + 1 if i < end and p(s[i]) else -1
    t = node[0]
    if t == 'str':
        text = node[1]
        n = len(text)
        return lambda s, i, end: i + n if s.startswith(text, i, end) else -1
    if t == 'alt':
        # Branches of one fixed width without groups: the first that matches
        # ends where any other would, so no backtracking choice remains.
        from re._parser import width
        ws = set(width(n) for n in node[1])
        if len(ws) != 1:
            return None
        w = ws.pop()
        if w[0] != w[1] or w[0] == 0:
            return None
        ds = [det(n) for n in node[1]]
        if None in ds:
            return None

        def alt(s, i, end):
            for d in ds:
                j = d(s, i, end)
                if j >= 0:
                    return j
            return -1
        return alt
    if t == 'seq':
        ds = [det(n) for n in merge_literals(node[1])]
        if not ds or None in ds:
            return None

        def seq(s, i, end):
            for d in ds:
                i = d(s, i, end)
                if i < 0:
                    return -1
            return i
        return seq
    return None


def comp_det_rep(d, g, mn, mx, mode):
    """Repeat of a deterministic body d, optionally captured as group g."""
    a = 2 * g
    b = a + 1

    def run(st, i, k, n, at):
        # at[n] is the position after n iterations
        if g:
            marks = st.marks
            o0, o1, ol = marks[a], marks[b], st.last
            if n > 0:
                marks[a] = at[n - 1]
                marks[b] = at[n]
                st.last = g
            if k(st, at[n]):
                return True
            marks[a], marks[b], st.last = o0, o1, ol
            return False
        return k(st, at[n])

    if mode == 'lazy':
        def lazy(st, i, k):
            at = [i]
            n = 0
            while True:
                if n >= mn and run(st, i, k, n, at):
                    return True
                if n >= mx:
                    return False
                j = d(st.s, at[n], st.end)
                if j < 0 or (j == at[n] and n >= mn):
                    return False
                at.append(j)
                n += 1
        return lazy

    poss = mode == 'poss'

    def greedy(st, i, k):
        at = [i]
        n = 0
        s = st.s
        end = st.end
        while n < mx:
            j = d(s, at[n], end)
            if j < 0:
                break
            if j == at[n] and n >= mn:
                at.append(j)
                n += 1
                break
            at.append(j)
            n += 1
        if n < mn:
            return False
        if poss:
            return run(st, i, k, n, at)
        while n >= mn:
            if run(st, i, k, n, at):
                return True
            n -= 1
        return False
    return greedy


def comp_rep(node):
    _, mn, mx, mode, body, _ = node
    p = char_pred(body)
    if p is not None:
        return comp_char_rep(p, mn, mx, mode)
    inner = body
    g = 0
    if inner[0] == 'group':
        g = inner[1]
        inner = inner[2]
    d = det(inner)
    if d is not None:
        return comp_det_rep(d, g, mn, mx, mode)
    f = comp(body)
    if mode == 'lazy':
        def lazy(st, i, k, n=0):
            if n >= mn and k(st, i):
                return True
            if n < mx:
                return f(st, i, lambda st2, j: k(st2, j) if (j == i and n >= mn)
                         else lazy(st2, j, k, n + 1))
            return False
        return lazy

    def greedy(st, i, k, n=0):
        if n < mx:
            if f(st, i, lambda st2, j: k(st2, j) if (j == i and n >= mn)
                 else greedy(st2, j, k, n + 1)):
                return True
        if n >= mn:
            return k(st, i)
        return False
    if mode == 'poss':
        return comp_atomic(greedy)
    return greedy


def comp_char_rep(p, mn, mx, mode):
    if mode == 'lazy':
        def lazy(st, i, k):
            s = st.s
            end = st.end
            j = i
            lim = i + mn
            if lim > end:
                return False
            while j < lim:
                if not p(s[j]):
                    return False
                j += 1
            top = end if mx >= end - i else i + mx
            while True:
                if k(st, j):
                    return True
                if j < top and p(s[j]):
                    j += 1
                else:
                    return False
        return lazy

    poss = mode == 'poss'

    def greedy(st, i, k):
        s = st.s
        end = st.end
        top = end if mx >= end - i else i + mx
        j = i
        while j < top and p(s[j]):
            j += 1
        low = i + mn
        if j < low:
            return False
        if poss:
            return k(st, j)
        while j >= low:
            if k(st, j):
                return True
            j -= 1
        return False
    return greedy


class Program:
    def __init__(self, node, ngroups):
        self.ngroups = ngroups
        self.f = comp(node)
        self.prefix = None
        first = node
        while first[0] in ('seq', 'group'):
            if first[0] == 'seq':
                items = merge_literals(first[1])
                first = items[0] if items else ('empty',)
            else:
                first = first[2]
        self.firstpred = None
        if first[0] == 'rep' and first[1] >= 1:
            first = first[4]
            while first[0] == 'group':
                first = first[2]
        if first[0] in ('lit', 'str'):
            self.prefix = first[1]
        elif first[0] in ('set', 'cat', 'any'):
            self.firstpred = char_pred(first)

    def run(self, s, pos, end, mode, noempty=-1):
        """mode: 0 search, 1 match, 2 fullmatch. Return (marks, last) or None."""
        st = State()
        st.s = s
        st.end = end
        st.noempty = noempty
        nm = 2 * self.ngroups + 2
        f = self.f

        def final(st2, j):
            if mode == 2 and j != end:
                return False
            if j == st2.begin and st2.begin == noempty:
                return False
            st2.marks[1] = j
            return True
        i = pos
        prefix = self.prefix if mode == 0 else None
        fp = self.firstpred if mode == 0 else None
        while i <= end:
            if prefix is not None:
                i = s.find(prefix, i, end)
                if i < 0:
                    return None
            elif fp is not None:
                while i < end and not fp(s[i]):
                    i += 1
                if i >= end:
                    return None
            st.marks = [-1] * nm
            st.last = None
            st.begin = i
            if f(st, i, final):
                st.marks[0] = i
                return st.marks, st.last
            if mode != 0:
                return None
            i += 1
        return None

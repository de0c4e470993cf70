import abc
import functools
import inspect
import sys
import unittest


def _deco(f):
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        return f(*args, **kwargs)
    return wrapper


@_deco
def decorated(x, y=2):
    """Doc of decorated."""
    return x + y


def multi(a,
          b=(1,
             2)):
    s = """
text at col 0
"""
    # comment
    return a, s


def one(): return 1


class K:
    """Class K.

        Indented more.
    """
    def m(self, q: int = 3) -> str:
        return str(q)

    @classmethod
    def c(cls, z, *, w=None):
        pass

    @staticmethod
    def s(a, /, b):
        pass


class Sub(K):
    def m(self, q=4):
        return 'x'


def f(a, b: int = 1, /, c=2, *args, d, e: 'str' = 'x', **kw) -> list[int]:
    pass


def g(a, b, /, c, *, d=4, **kw):
    pass


P = inspect.Parameter


class SignatureTests(unittest.TestCase):
    def test_function(self):
        sig = inspect.signature(f)
        self.assertEqual(str(sig),
                         "(a, b: int = 1, /, c=2, *args, d, e: 'str' = 'x', **kw) -> list[int]")
        self.assertEqual(repr(sig), "<Signature (a, b: int = 1, /, c=2, *args, d, "
                                    "e: 'str' = 'x', **kw) -> list[int]>")
        kinds = [p.kind for p in sig.parameters.values()]
        self.assertEqual(kinds, [P.POSITIONAL_ONLY, P.POSITIONAL_ONLY, P.POSITIONAL_OR_KEYWORD,
                                 P.VAR_POSITIONAL, P.KEYWORD_ONLY, P.KEYWORD_ONLY,
                                 P.VAR_KEYWORD])
        b = sig.parameters['b']
        self.assertEqual(repr(b), '<Parameter "b: int = 1">')
        self.assertEqual(str(b.kind), 'POSITIONAL_ONLY')
        self.assertEqual(b.kind.description, 'positional-only')
        self.assertIs(b.annotation, int)
        self.assertIs(sig.parameters['a'].default, P.empty)
        self.assertIs(inspect.Signature.empty, P.empty)
        self.assertEqual(sig, inspect.signature(f))
        self.assertEqual(hash(sig), hash(inspect.signature(f)))
        self.assertEqual(str(sig.replace(return_annotation=inspect.Signature.empty)),
                         "(a, b: int = 1, /, c=2, *args, d, e: 'str' = 'x', **kw)")

    def test_methods_and_classes(self):
        self.assertEqual(str(inspect.signature(K.m)), '(self, q: int = 3) -> str')
        self.assertEqual(str(inspect.signature(K().m)), '(q: int = 3) -> str')
        self.assertEqual(str(inspect.signature(K.c)), '(z, *, w=None)')
        self.assertEqual(str(inspect.signature(K.s)), '(a, /, b)')

        class A:
            def __init__(self, x, y=2):
                pass

        class B:
            def __new__(cls, *a, k=1):
                pass

        class C:
            pass

        class D:
            def __call__(self, z):
                pass
        self.assertEqual(str(inspect.signature(A)), '(x, y=2)')
        self.assertEqual(str(inspect.signature(B)), '(*a, k=1)')
        self.assertEqual(str(inspect.signature(C)), '()')
        self.assertEqual(str(inspect.signature(D())), '(z)')

    def test_wrapped_and_partial(self):
        self.assertEqual(str(inspect.signature(decorated)), '(x, y=2)')
        self.assertEqual(str(inspect.signature(decorated, follow_wrapped=False)),
                         '(*args, **kwargs)')
        self.assertEqual(str(inspect.signature(functools.partial(f, 1, c=5))),
                         "(b: int = 1, /, *, c=5, d, e: 'str' = 'x', **kw) -> list[int]")
        self.assertEqual(str(inspect.signature(functools.partial(multi, b=3))),
                         '(a, *, b=3)')

    def test_metaclass_call_and_text_signature(self):
        class M(type):
            def __call__(cls, q):
                pass

        class W(metaclass=M):
            pass
        self.assertEqual(str(inspect.signature(W)), '(q)')

        def fn(*a, **k):
            pass
        fn.__text_signature__ = '($self, a, b=1, /, *args, c=None, **kw)'
        self.assertEqual(str(inspect.signature(fn)), '(self, a, b=1, /, *args, c=None, **kw)')
        fn.__text_signature__ = '(x, y=-1, *, z=sys.maxsize)'
        self.assertEqual(str(inspect.signature(fn)), '(x, y=-1, *, z=%d)' % sys.maxsize)

    def test_partialmethod(self):
        class PM:
            def meth(self, a, b):
                pass
            pm = functools.partialmethod(meth, 1)
        self.assertEqual(str(inspect.signature(PM.pm)), '(self, b)')
        self.assertEqual(str(inspect.signature(PM().pm)), '(b)')

    def test_not_callable(self):
        with self.assertRaises(TypeError) as cm:
            inspect.signature(42)
        self.assertEqual(str(cm.exception), '42 is not a callable object')

    def test_bind(self):
        sig = inspect.signature(g)
        ba = sig.bind(1, 2, 3, x=9)
        self.assertEqual(repr(ba), "<BoundArguments (a=1, b=2, c=3, kw={'x': 9})>")
        self.assertEqual(ba.args, (1, 2, 3))
        self.assertEqual(ba.kwargs, {'x': 9})
        ba.apply_defaults()
        self.assertEqual(ba.arguments, {'a': 1, 'b': 2, 'c': 3, 'd': 4, 'kw': {'x': 9}})
        self.assertEqual(repr(sig.bind_partial(1)), '<BoundArguments (a=1)>')
        cases = [((1,), {}, "missing a required argument: 'b'"),
                 ((1, 2, 3, 4), {}, 'too many positional arguments'),
                 ((1, 2), {}, "missing a required argument: 'c'")]
        for args, kwargs, msg in cases:
            with self.subTest(args=args, kwargs=kwargs):
                with self.assertRaises(TypeError) as cm:
                    sig.bind(*args, **kwargs)
                self.assertEqual(str(cm.exception), msg)

    def test_bind_kwonly(self):
        def h(a, *, b):
            pass
        sig = inspect.signature(h)
        cases = [((1,), {}, "missing a required keyword-only argument: 'b'"),
                 ((1,), {'b': 1, 'z': 2}, "got an unexpected keyword argument 'z'"),
                 ((1, 2), {}, 'too many positional arguments')]
        for args, kwargs, msg in cases:
            with self.subTest(args=args, kwargs=kwargs):
                with self.assertRaises(TypeError) as cm:
                    sig.bind(*args, **kwargs)
                self.assertEqual(str(cm.exception), msg)
        self.assertEqual(sig.bind(b=1, a=2).arguments, {'a': 2, 'b': 1})

    def test_construct(self):
        sig = inspect.Signature([P('a', P.POSITIONAL_ONLY), P('b', P.KEYWORD_ONLY, default=3)],
                                return_annotation=int)
        self.assertEqual(str(sig), '(a, /, *, b=3) -> int')
        bad = [(lambda: P('a b', 1), ValueError, "'a b' is not a valid parameter name"),
               (lambda: P('a', 7), ValueError, 'value 7 is not a valid Parameter.kind'),
               (lambda: P('a', P.VAR_POSITIONAL, default=1), ValueError,
                'variadic positional parameters cannot have default values'),
               (lambda: inspect.Signature([P('a', 3), P('b', 1)]), ValueError,
                'wrong parameter order: keyword-only parameter before positional or '
                'keyword parameter'),
               (lambda: inspect.Signature([P('a', 1, default=1), P('b', 1)]), ValueError,
                'non-default argument follows default argument'),
               (lambda: inspect.Signature([P('a', 1), P('a', 3)]), ValueError,
                "duplicate parameter name: 'a'")]
        for func, exc, msg in bad:
            with self.subTest(msg=msg):
                with self.assertRaises(exc) as cm:
                    func()
                self.assertEqual(str(cm.exception), msg)
        p = P('x', P.POSITIONAL_OR_KEYWORD, default=1)
        self.assertEqual(str(p.replace(name='y', default=P.empty)), 'y')

    def test_getfullargspec(self):
        spec = inspect.getfullargspec(f)
        self.assertEqual(spec.args, ['a', 'b', 'c'])
        self.assertEqual(spec.varargs, 'args')
        self.assertEqual(spec.varkw, 'kw')
        self.assertEqual(spec.defaults, (1, 2))
        self.assertEqual(spec.kwonlyargs, ['d', 'e'])
        self.assertEqual(spec.kwonlydefaults, {'e': 'x'})


class SourceTests(unittest.TestCase):
    def test_getsource_function(self):
        self.assertEqual(inspect.getsource(decorated),
                         '@_deco\ndef decorated(x, y=2):\n    """Doc of decorated."""\n'
                         '    return x + y\n')
        self.assertEqual(inspect.getsource(multi),
                         'def multi(a,\n          b=(1,\n             2)):\n    s = """\n'
                         'text at col 0\n"""\n    # comment\n    return a, s\n')
        lines, lnum = inspect.getsourcelines(one)
        self.assertEqual(lines, ['def one(): return 1\n'])
        self.assertEqual(one.__code__.co_firstlineno, lnum)

    def test_getsource_class_and_method(self):
        src = inspect.getsource(K)
        self.assertTrue(src.startswith('class K:\n    """Class K.'))
        self.assertTrue(src.endswith('    def s(a, /, b):\n        pass\n'))
        self.assertEqual(inspect.getsource(K.m),
                         '    def m(self, q: int = 3) -> str:\n        return str(q)\n')

    def test_files_and_modules(self):
        mod = sys.modules[__name__]
        self.assertEqual(inspect.getfile(K), mod.__file__)
        self.assertEqual(inspect.getfile(multi), multi.__code__.co_filename)
        self.assertIs(inspect.getmodule(K), mod)
        self.assertIs(inspect.getmodule(multi), mod)
        with self.assertRaises(TypeError):
            inspect.getfile(sys)
        with self.assertRaises(TypeError):
            inspect.getfile(42)

    def test_getdoc_cleandoc(self):
        self.assertEqual(inspect.getdoc(K), 'Class K.\n\nIndented more.')
        self.assertIsNone(inspect.getdoc(Sub.m))
        self.assertEqual(inspect.cleandoc('  a\n    b\n      c\n\n'), 'a\nb\n  c')
        self.assertEqual(inspect.getdoc(decorated), 'Doc of decorated.')

    def test_unwrap(self):
        self.assertIs(inspect.unwrap(decorated), decorated.__wrapped__)
        self.assertIs(inspect.unwrap(multi), multi)

        def loop():
            pass
        loop.__wrapped__ = loop
        with self.assertRaises(ValueError):
            inspect.unwrap(loop)


class PredicateTests(unittest.TestCase):
    def test_predicates(self):
        def gen():
            yield 1

        async def co():
            pass

        async def ag():
            yield 1
        self.assertTrue(inspect.isgeneratorfunction(gen))
        self.assertFalse(inspect.isgeneratorfunction(co))
        self.assertTrue(inspect.isgenerator(gen()))
        self.assertTrue(inspect.iscoroutinefunction(co))
        self.assertTrue(inspect.isasyncgenfunction(ag))
        self.assertTrue(inspect.isasyncgen(ag()))
        self.assertTrue(inspect.isfunction(gen))
        self.assertTrue(inspect.ismethod(K().m))
        self.assertFalse(inspect.ismethod(K.m))
        self.assertTrue(inspect.isclass(K))
        self.assertTrue(inspect.ismodule(sys))
        self.assertTrue(inspect.isbuiltin(len))
        self.assertTrue(inspect.isroutine(len))
        self.assertTrue(inspect.isroutine(str.upper))
        self.assertTrue(inspect.ismethoddescriptor(str.upper))
        # A partial is never reported as a method descriptor, even with a __get__.
        class BoundPartial(functools.partial):
            def __get__(self, obj, objtype=None):
                return self
        self.assertFalse(inspect.ismethoddescriptor(functools.partial(len)))
        self.assertFalse(inspect.ismethoddescriptor(BoundPartial(len)))
        self.assertTrue(inspect.isdatadescriptor(property()))
        self.assertFalse(inspect.isdatadescriptor(str.upper))
        c = co()
        self.assertTrue(inspect.iscoroutine(c))
        self.assertTrue(inspect.isawaitable(c))
        c.close()
        self.assertTrue(inspect.iscode(gen.__code__))
        self.assertTrue(inspect.isframe(sys._getframe()))

    def test_isabstract(self):
        class Ab(abc.ABC):
            @abc.abstractmethod
            def x(self):
                pass

        class Co(Ab):
            def x(self):
                pass
        self.assertTrue(inspect.isabstract(Ab))
        self.assertFalse(inspect.isabstract(Co))
        self.assertFalse(inspect.isabstract(int))

    def test_co_flags(self):
        self.assertEqual(inspect.CO_GENERATOR, 32)
        self.assertEqual(inspect.CO_VARARGS, 4)
        self.assertEqual(inspect.CO_COROUTINE, 128)
        self.assertTrue(f.__code__.co_flags & inspect.CO_VARKEYWORDS)


class MiscTests(unittest.TestCase):
    def test_getmembers(self):
        self.assertEqual([n for n, v in inspect.getmembers(K, inspect.isfunction)],
                         ['m', 's'])
        names = [n for n, v in inspect.getmembers(K())]
        self.assertIn('m', names)
        self.assertEqual(names, sorted(names))

    def test_getattr_static(self):
        class G:
            @property
            def p(self):
                return 1

            def __getattr__(self, n):
                return 5
        gi = G()
        gi.__dict__['p'] = 7
        self.assertIsInstance(inspect.getattr_static(gi, 'p'), property)
        self.assertEqual(inspect.getattr_static(gi, 'zz', 'dflt'), 'dflt')
        with self.assertRaises(AttributeError):
            inspect.getattr_static(gi, 'zz')
        gi.q = 3
        self.assertEqual(inspect.getattr_static(gi, 'q'), 3)

    def test_get_annotations(self):
        self.assertEqual(inspect.get_annotations(K.m), {'q': int, 'return': str})
        self.assertEqual(inspect.get_annotations(multi), {})

        def h(x: 'int') -> 'str':
            pass
        self.assertEqual(inspect.get_annotations(h, eval_str=True), {'x': int, 'return': str})
        with self.assertRaises(TypeError):
            inspect.get_annotations(42)

    def test_frames(self):
        fr = inspect.currentframe()
        self.assertEqual(fr.f_code.co_name, 'test_frames')
        info = inspect.getframeinfo(fr)
        self.assertEqual(info.function, 'test_frames')
        self.assertEqual(info.filename, __file__)
        st = inspect.stack()
        self.assertEqual(st[0].function, 'test_frames')
        self.assertEqual(st[0][3], 'test_frames')
        self.assertIs(st[0].frame, fr)


    def test_generator_states(self):
        def gen():
            q = 1
            yield q
        x = gen()
        self.assertEqual(inspect.getgeneratorstate(x), inspect.GEN_CREATED)
        self.assertEqual(inspect.getgeneratorlocals(x), {})
        next(x)
        self.assertEqual(inspect.getgeneratorstate(x), inspect.GEN_SUSPENDED)
        self.assertEqual(inspect.getgeneratorlocals(x), {'q': 1})
        x.close()
        self.assertEqual(inspect.getgeneratorstate(x), inspect.GEN_CLOSED)

        async def co():
            pass
        c = co()
        self.assertEqual(inspect.getcoroutinestate(c), inspect.CORO_CREATED)
        c.close()
        self.assertEqual(inspect.getcoroutinestate(c), inspect.CORO_CLOSED)

    def test_args_helpers(self):
        def h(a, b=2, *c, **d):
            return inspect.formatargvalues(*inspect.getargvalues(inspect.currentframe()))
        self.assertEqual(h(1, 3, 4, k=5), "(a=1, b=3, *c=(4,), **d={'k': 5})")
        self.assertEqual(inspect.getargs(h.__code__), inspect.Arguments(['a', 'b'], 'c', 'd'))

    def test_classify_and_tree(self):
        class A:
            x = 1

            def m(self):
                pass

            @staticmethod
            def s():
                pass

            @classmethod
            def c(cls):
                pass

            @property
            def p(self):
                return 1

        class B(A):
            def m(self):
                pass
        attrs = {a.name: (a.kind, a.defining_class) for a in inspect.classify_class_attrs(B)}
        self.assertEqual(attrs['m'], ('method', B))
        self.assertEqual(attrs['s'], ('static method', A))
        self.assertEqual(attrs['c'], ('class method', A))
        self.assertEqual(attrs['p'], ('property', A))
        self.assertEqual(attrs['x'], ('data', A))
        self.assertEqual(attrs['__init__'], ('method', object))
        self.assertEqual(inspect.getclasstree([B, A]),
                         [(object, ()), [(A, (object,)), [(B, (A,))]]])


if __name__ == "__main__":
    unittest.main()

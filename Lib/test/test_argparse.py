"""Tests for the argparse module (expected outputs are CPython 3.13's)."""

import argparse
import contextlib
import io
import os
import unittest


def run_parser(parser, args, method='parse_args'):
    """Call parser.<method>(args); return (result, exit code, stdout, stderr).

    result is None when the parser exited; code is None when it did not.
    """
    out = io.StringIO()
    err = io.StringIO()
    result = None
    code = None
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            result = getattr(parser, method)(args)
        except SystemExit as exc:
            code = exc.code
    return result, code, out.getvalue(), err.getvalue()


class ColumnsMixin:
    """Fix the terminal width at 80 columns, as CPython's test suite does."""

    columns = '80'

    def setUp(self):
        saved = os.environ.get('COLUMNS')

        def restore():
            if saved is None:
                os.environ.pop('COLUMNS', None)
            else:
                os.environ['COLUMNS'] = saved
        self.addCleanup(restore)
        os.environ['COLUMNS'] = self.columns

    def assertError(self, parser, args, message):
        result, code, out, err = run_parser(parser, args)
        self.assertIsNone(result)
        self.assertEqual(code, 2)
        self.assertEqual(out, '')
        self.assertEqual(err, parser.format_usage() + '%s: error: %s\n'
                         % (parser.prog, message))


class NamespaceTests(unittest.TestCase):

    def test_repr_sorted_by_insertion(self):
        self.assertEqual(repr(argparse.Namespace(b=1, a='x')), "Namespace(b=1, a='x')")

    def test_repr_non_identifier(self):
        ns = argparse.Namespace()
        setattr(ns, 'a-b', 1)
        self.assertEqual(repr(ns), "Namespace(**{'a-b': 1})")

    def test_equality_and_contains(self):
        self.assertEqual(argparse.Namespace(a=1), argparse.Namespace(a=1))
        self.assertNotEqual(argparse.Namespace(a=1), argparse.Namespace(a=2))
        self.assertFalse(argparse.Namespace(a=1) == {'a': 1})
        self.assertIn('a', argparse.Namespace(a=1))
        self.assertNotIn('b', argparse.Namespace(a=1))

    def test_unhashable(self):
        with self.assertRaises(TypeError):
            hash(argparse.Namespace())


class ParsingTests(ColumnsMixin, unittest.TestCase):

    def parser(self, **kwargs):
        kwargs.setdefault('prog', 'PROG')
        return argparse.ArgumentParser(**kwargs)

    def test_store_and_types(self):
        p = self.parser()
        p.add_argument('-n', type=int)
        p.add_argument('--name', default='anon')
        p.add_argument('x')
        self.assertEqual(p.parse_args(['a', '-n', '3']),
                         argparse.Namespace(n=3, name='anon', x='a'))
        self.assertEqual(p.parse_args(['--name=bob', 'a']).name, 'bob')
        self.assertEqual(p.parse_args(['-n7', 'a']).n, 7)
        self.assertEqual(p.parse_args(['--na', 'z', 'a']).name, 'z')

    def test_actions(self):
        p = self.parser()
        p.add_argument('--t', action='store_true')
        p.add_argument('--f', action='store_false')
        p.add_argument('--c', action='store_const', const=9)
        p.add_argument('--a', action='append', type=int)
        p.add_argument('--ac', action='append_const', const='k', dest='acs')
        p.add_argument('--e', action='extend', nargs='+')
        p.add_argument('-v', action='count', default=0)
        ns = p.parse_args(['--t', '--f', '--c', '--a', '1', '--a=2', '--ac', '--ac',
                           '--e', 'x', 'y', '--e', 'z', '-vvv'])
        self.assertEqual(ns, argparse.Namespace(t=True, f=False, c=9, a=[1, 2],
                                                acs=['k', 'k'], e=['x', 'y', 'z'], v=3))
        ns = p.parse_args([])
        self.assertEqual(ns, argparse.Namespace(t=False, f=True, c=None, a=None,
                                                acs=None, e=None, v=0))

    def test_append_does_not_mutate_default(self):
        default = ['d']
        p = self.parser()
        p.add_argument('--a', action='append', default=default)
        self.assertEqual(p.parse_args(['--a', 'x']).a, ['d', 'x'])
        self.assertEqual(default, ['d'])

    def test_boolean_optional_action(self):
        p = self.parser()
        p.add_argument('--foo', action=argparse.BooleanOptionalAction)
        self.assertIsNone(p.parse_args([]).foo)
        self.assertIs(p.parse_args(['--foo']).foo, True)
        self.assertIs(p.parse_args(['--no-foo']).foo, False)
        self.assertEqual(p.format_usage(), 'usage: PROG [-h] [--foo | --no-foo]\n')

    def test_custom_action(self):
        class Upper(argparse.Action):
            def __call__(self, parser, namespace, values, option_string=None):
                setattr(namespace, self.dest, values.upper() + str(option_string))
        p = self.parser()
        p.add_argument('--u', action=Upper)
        p.add_argument('pos', action=Upper)
        self.assertEqual(p.parse_args(['--u', 'ab', 'cd']),
                         argparse.Namespace(u='AB--u', pos='CDNone'))

    def test_nargs(self):
        p = self.parser()
        p.add_argument('--pair', nargs=2)
        p.add_argument('--opt', nargs='?', const='C', default='D')
        p.add_argument('--star', nargs='*')
        p.add_argument('first')
        p.add_argument('more', nargs='+')
        ns = p.parse_args(['a', 'b', 'c', '--pair', '1', '2', '--opt', '--star'])
        self.assertEqual(ns, argparse.Namespace(pair=['1', '2'], opt='C', star=[],
                                                first='a', more=['b', 'c']))
        self.assertEqual(p.parse_args(['a', 'b']).opt, 'D')
        self.assertEqual(p.parse_args(['a', 'b', '--opt', 'x']).opt, 'x')

    def test_remainder(self):
        p = self.parser()
        p.add_argument('--x')
        p.add_argument('cmd')
        p.add_argument('rest', nargs=argparse.REMAINDER)
        ns = p.parse_args(['--x', '1', 'run', '--x', '2', '-q'])
        self.assertEqual(ns, argparse.Namespace(x='1', cmd='run', rest=['--x', '2', '-q']))

    def test_double_dash(self):
        p = self.parser()
        p.add_argument('-v', action='count')
        p.add_argument('a')
        p.add_argument('b', nargs='?')
        self.assertEqual(p.parse_args(['-v', '--', '-x', '-y']),
                         argparse.Namespace(v=1, a='-x', b='-y'))
        q = self.parser()
        q.add_argument('a', nargs='*')
        self.assertEqual(q.parse_args(['--', '--', 'x']).a, ['--', 'x'])

    def test_combined_short_flags(self):
        p = self.parser()
        p.add_argument('-a', action='store_true')
        p.add_argument('-b', action='store_true')
        p.add_argument('-c')
        self.assertEqual(p.parse_args(['-abcX']), argparse.Namespace(a=True, b=True, c='X'))
        self.assertEqual(p.parse_args(['-ba', '-c', 'Y']).c, 'Y')
        self.assertError(p, ['-abz'], 'unrecognized arguments: -z')
        self.assertError(p, ['-ab=z'], "argument -b: ignored explicit argument 'z'")

    def test_negative_numbers(self):
        p = self.parser()
        p.add_argument('-x', type=float)
        p.add_argument('pos', nargs='?')
        self.assertEqual(p.parse_args(['-x', '-1.5', '-2']),
                         argparse.Namespace(x=-1.5, pos='-2'))
        self.assertError(p, ['-1e5'], 'unrecognized arguments: -1e5')
        q = self.parser()
        q.add_argument('-1', dest='one', action='store_true')
        q.add_argument('pos', nargs='?')
        self.assertIs(q.parse_args(['-1']).one, True)
        self.assertError(q, ['-2'], 'unrecognized arguments: -2')

    def test_abbreviations(self):
        p = self.parser()
        p.add_argument('--foo')
        p.add_argument('--fob')
        self.assertEqual(p.parse_args(['--foo', '1']).foo, '1')
        self.assertError(p, ['--fo', '1'], 'ambiguous option: --fo could match --foo, --fob')
        q = self.parser(allow_abbrev=False)
        q.add_argument('--foobar')
        self.assertError(q, ['--foo', '1'], 'unrecognized arguments: --foo 1')

    def test_prefix_chars(self):
        p = self.parser(prefix_chars='+/')
        p.add_argument('+f')
        p.add_argument('//bar', action='store_true')
        self.assertEqual(p.parse_args(['+f', 'x', '//bar']), argparse.Namespace(f='x', bar=True))
        self.assertEqual(p.format_usage(), 'usage: PROG [+h] [+f F] [//bar]\n')

    def test_defaults(self):
        p = self.parser(argument_default=argparse.SUPPRESS)
        p.add_argument('--a')
        p.add_argument('b', nargs='?')
        self.assertEqual(p.parse_args([]), argparse.Namespace())
        self.assertEqual(p.parse_args(['--a', '1']), argparse.Namespace(a='1'))
        q = self.parser()
        q.add_argument('--n', type=int, default='5')
        q.set_defaults(extra='e')
        self.assertEqual(q.parse_args([]), argparse.Namespace(n=5, extra='e'))
        self.assertEqual(q.get_default('extra'), 'e')
        self.assertEqual(q.get_default('n'), '5')

    def test_choices(self):
        p = self.parser()
        p.add_argument('-f', '--foo', choices=['a', 'b'])
        p.add_argument('n', type=int, choices=range(3))
        self.assertEqual(p.parse_args(['-fa', '2']), argparse.Namespace(foo='a', n=2))
        self.assertError(p, ['-f', 'z', '1'],
                         "argument -f/--foo: invalid choice: 'z' (choose from 'a', 'b')")
        self.assertError(p, ['5'], 'argument n: invalid choice: 5 (choose from 0, 1, 2)')

    def test_type_errors(self):
        def even(string):
            value = int(string)
            if value % 2:
                raise argparse.ArgumentTypeError('%r is not even' % string)
            return value
        p = self.parser()
        p.add_argument('-n', type=int)
        p.add_argument('--e', type=even)
        self.assertError(p, ['-n', 'q'], "argument -n: invalid int value: 'q'")
        self.assertError(p, ['--e', '3'], "argument --e: '3' is not even")
        self.assertEqual(p.parse_args(['--e', '4']).e, 4)

    def test_required(self):
        p = self.parser()
        p.add_argument('--foo', required=True)
        p.add_argument('bar')
        p.add_argument('baz', nargs='+')
        self.assertError(p, [], 'the following arguments are required: --foo, bar, baz')
        self.assertError(p, ['--foo'], 'argument --foo: expected one argument')

    def test_arg_count_errors(self):
        p = self.parser()
        p.add_argument('--one')
        p.add_argument('--opt', nargs='?', type=int)
        p.add_argument('--many', nargs='+')
        p.add_argument('--two', nargs=2)
        p.add_argument('--single', nargs=1)
        self.assertError(p, ['--many'], 'argument --many: expected at least one argument')
        self.assertError(p, ['--two', 'a'], 'argument --two: expected 2 arguments')
        self.assertError(p, ['--single'], 'argument --single: expected 1 argument')
        self.assertError(p, ['--opt=x'], "argument --opt: invalid int value: 'x'")

    def test_unrecognized_and_known_args(self):
        p = self.parser()
        p.add_argument('a')
        self.assertError(p, ['x', '--zz', 'y'], 'unrecognized arguments: --zz y')
        ns, extras = p.parse_known_args(['x', '--bar', 'b'])
        self.assertEqual(ns, argparse.Namespace(a='x'))
        self.assertEqual(extras, ['--bar', 'b'])

    def test_intermixed(self):
        p = self.parser()
        p.add_argument('--foo')
        p.add_argument('cmd')
        p.add_argument('rest', nargs='*')
        self.assertEqual(p.parse_intermixed_args(['a', '--foo', 'x', 'b', 'c']),
                         argparse.Namespace(foo='x', cmd='a', rest=['b', 'c']))
        self.assertError(p, ['a', '--foo', 'x', 'b', 'c'], 'unrecognized arguments: b c')

    def test_mutually_exclusive(self):
        p = self.parser()
        g = p.add_mutually_exclusive_group(required=True)
        g.add_argument('-a', action='store_true')
        g.add_argument('-b')
        self.assertEqual(p.parse_args(['-b', '1']), argparse.Namespace(a=False, b='1'))
        self.assertError(p, ['-a', '-b', '1'], 'argument -b: not allowed with argument -a')
        self.assertError(p, [], 'one of the arguments -a -b is required')
        self.assertEqual(p.format_usage(), 'usage: PROG [-h] (-a | -b B)\n')
        with self.assertRaises(ValueError):
            g.add_argument('c')

    def test_conflicts(self):
        p = self.parser()
        p.add_argument('--e')
        with self.assertRaises(argparse.ArgumentError) as cm:
            p.add_argument('--e')
        self.assertEqual(str(cm.exception),
                         'argument --e: conflicting option string: --e')
        q = self.parser(conflict_handler='resolve')
        q.add_argument('-f', '--foo', help='old')
        q.add_argument('--foo', help='new')
        self.assertEqual(q.format_usage(), 'usage: PROG [-h] [-f FOO] [--foo FOO]\n')

    def test_parents(self):
        parent = argparse.ArgumentParser(add_help=False)
        parent.add_argument('--parent', type=int)
        parent.set_defaults(zz=1)
        p = self.parser(parents=[parent])
        p.add_argument('x')
        self.assertEqual(p.parse_args(['--parent', '3', 'y']),
                         argparse.Namespace(parent=3, x='y', zz=1))

    def test_subparsers(self):
        p = self.parser()
        sub = p.add_subparsers(dest='cmd', help='sub help')
        run = sub.add_parser('run', aliases=['r'], help='run it')
        run.add_argument('--n', type=int)
        run.set_defaults(func='runner')
        sub.add_parser('stop')
        self.assertEqual(p.parse_args(['run', '--n', '2']),
                         argparse.Namespace(cmd='run', n=2, func='runner'))
        self.assertEqual(p.parse_args(['r']).cmd, 'r')
        self.assertEqual(p.parse_args([]), argparse.Namespace(cmd=None))
        self.assertError(p, ['zz'], "argument cmd: invalid choice: 'zz' "
                                    "(choose from 'run', 'r', 'stop')")
        self.assertError(p, ['stop', '--zz'], 'unrecognized arguments: --zz')
        self.assertEqual(run.prog, 'PROG run')

    def test_required_subparsers(self):
        p = self.parser()
        sub = p.add_subparsers(dest='c', required=True)
        a = sub.add_parser('one')
        a.add_argument('x', type=int)
        self.assertError(p, [], 'the following arguments are required: c')
        result, code, out, err = run_parser(p, ['one'])
        self.assertEqual(code, 2)
        self.assertEqual(err, 'usage: PROG one [-h] x\n'
                              'PROG one: error: the following arguments are required: x\n')

    def test_deprecated(self):
        p = self.parser()
        p.add_argument('--foo', deprecated=True)
        p.add_argument('pos', nargs='?', deprecated=True)
        sub = p.add_subparsers()
        sub.add_parser('old', deprecated=True)
        result, code, out, err = run_parser(p, ['--foo', '1', '--foo', '2', 'x', 'old'])
        self.assertEqual(result, argparse.Namespace(foo='2', pos='x'))
        self.assertEqual(err, "PROG: warning: option '--foo' is deprecated\n"
                              "PROG: warning: argument 'pos' is deprecated\n"
                              "PROG: warning: command 'old' is deprecated\n")

    def test_exit_on_error_false(self):
        p = self.parser(exit_on_error=False)
        p.add_argument('--n', type=int)
        with self.assertRaises(argparse.ArgumentError) as cm:
            p.parse_args(['--n', 'x'])
        self.assertEqual(str(cm.exception), "argument --n: invalid int value: 'x'")
        self.assertEqual(cm.exception.argument_name, '--n')
        self.assertEqual(cm.exception.message, "invalid int value: 'x'")
        with self.assertRaises(argparse.ArgumentError) as cm:
            p.parse_args(['--zz'])
        self.assertEqual(str(cm.exception), 'unrecognized arguments: --zz')

    def test_fromfile(self):
        p = self.parser(fromfile_prefix_chars='@')
        p.add_argument('--a')
        p.add_argument('b')
        path = 'argparse_test_args_%d.txt' % os.getpid()
        with open(path, 'w') as f:
            f.write('--a\n1\nbee\n')
        self.addCleanup(os.remove, path)
        self.assertEqual(p.parse_args(['@' + path]), argparse.Namespace(a='1', b='bee'))

    def test_help_and_version_exit(self):
        p = self.parser()
        p.add_argument('--version', action='version', version='%(prog)s 1.0')
        result, code, out, err = run_parser(p, ['--version'])
        self.assertEqual((code, out, err), (0, 'PROG 1.0\n', ''))
        result, code, out, err = run_parser(p, ['-h'])
        self.assertEqual(code, 0)
        self.assertEqual(out, p.format_help())
        self.assertEqual(err, '')

    def test_add_argument_errors(self):
        p = self.parser()
        with self.assertRaises(ValueError):
            p.add_argument('--k', nargs=0)
        with self.assertRaises(ValueError):
            p.add_argument('--k', const=1)
        with self.assertRaises(ValueError):
            p.add_argument('--k', action='bogus')
        with self.assertRaises(ValueError):
            p.add_argument('--k', type='int')
        with self.assertRaises(ValueError):
            p.add_argument('--k', metavar=('a', 'b'))
        with self.assertRaises(TypeError):
            p.add_argument('x', required=True)
        with self.assertRaises(ValueError):
            p.add_argument('x', dest='y')

    def test_action_repr(self):
        p = self.parser()
        action = p.add_argument('--n', type=int)
        self.assertEqual(repr(action),
                         "_StoreAction(option_strings=['--n'], dest='n', nargs=None, "
                         "const=None, default=None, type=<class 'int'>, choices=None, "
                         "required=False, help=None, metavar=None, deprecated=False)")


class HelpTests(ColumnsMixin, unittest.TestCase):

    def test_simple_help(self):
        p = argparse.ArgumentParser(prog='P')
        p.add_argument('-f', '--foo', choices=['a', 'b'])
        p.add_argument('-n', type=int, help='num %(default)s %(type)s')
        p.add_argument('x', nargs='?')
        self.assertEqual(p.format_help(), '''\
usage: P [-h] [-f {a,b}] [-n N] [x]

positional arguments:
  x

options:
  -h, --help       show this help message and exit
  -f, --foo {a,b}
  -n N             num None int
''')

    def test_full_help(self):
        p = argparse.ArgumentParser(
            prog='PROG', epilog='The end.',
            description='A long description of this program which should wrap nicely '
                        'across multiple lines at eighty columns width, hopefully '
                        'well-behaved.')
        p.add_argument('--verbose-output-mode', '-v', action='count', default=0,
                       help='increase verbosity; may be given several times to get more '
                            'and more and more output')
        p.add_argument('--long-option-name-here', metavar='VALUE', help='something')
        p.add_argument('files', nargs='+', help='input files')
        p.add_argument('--pair', nargs=2, metavar=('A', 'B'))
        p.add_argument('--opt', nargs='*')
        p.add_argument('--x3', nargs=3, type=int, default=[1, 2, 3],
                       help='three ints (default: %(default)s)')
        g = p.add_argument_group('extra', 'Extra options here.')
        g.add_argument('--extra', action='append', choices=['u', 'v'],
                       help='choices %(choices)s')
        g.add_argument('rest', nargs=argparse.REMAINDER)
        self.assertEqual(p.format_help(), '''\
usage: PROG [-h] [--verbose-output-mode] [--long-option-name-here VALUE]
            [--pair A B] [--opt [OPT ...]] [--x3 X3 X3 X3] [--extra {u,v}]
            files [files ...] ...

A long description of this program which should wrap nicely across multiple
lines at eighty columns width, hopefully well-behaved.

positional arguments:
  files                 input files

options:
  -h, --help            show this help message and exit
  --verbose-output-mode, -v
                        increase verbosity; may be given several times to get
                        more and more and more output
  --long-option-name-here VALUE
                        something
  --pair A B
  --opt [OPT ...]
  --x3 X3 X3 X3         three ints (default: [1, 2, 3])

extra:
  Extra options here.

  --extra {u,v}         choices u, v
  rest

The end.
''')

    def test_long_prog_usage(self):
        p = argparse.ArgumentParser(prog='a' + 'very' * 13 + 'longprogramname')
        for i in range(8):
            p.add_argument('--option%d' % i, help='h')
        for i in range(4):
            p.add_argument('positional%d' % i)
        self.assertEqual(p.format_usage(), '''\
usage: averyveryveryveryveryveryveryveryveryveryveryveryverylongprogramname
       [-h] [--option0 OPTION0] [--option1 OPTION1] [--option2 OPTION2]
       [--option3 OPTION3] [--option4 OPTION4] [--option5 OPTION5]
       [--option6 OPTION6] [--option7 OPTION7]
       positional0 positional1 positional2 positional3
''')

    def test_mutex_and_wrapping(self):
        p = argparse.ArgumentParser(
            prog='prog',
            description='well-known multi-word hyphen-separated state-of-the-art text '
                        '-- with dashes and a-b x-yz abc-de ' + 'supercalifragilistic'
                        'expialidocious' * 2 + 'supercalifragilistic end')
        p.add_argument('--abc', help='averyveryveryverylongwordwithoutanyspacesatall'
                                     'thatmustbebrokensomewherebecauseitislong')
        g = p.add_mutually_exclusive_group()
        g.add_argument('--one', action='store_true', help='one')
        g.add_argument('--two', help='two')
        g.add_argument('--three', nargs='?', help=argparse.SUPPRESS)
        h = p.add_mutually_exclusive_group(required=True)
        h.add_argument('-q', action='store_true')
        p.add_argument('--yes', action=argparse.BooleanOptionalAction, default=True)
        p.add_argument('pos', choices=[1, 2, 3], type=int,
                       help='pick %(choices)s, default %(default)s, prog %(prog)s')
        p.add_argument('--hidden', help=argparse.SUPPRESS)
        self.assertEqual(p.format_help(), '''\
usage: prog [-h] [--abc ABC] [--one | --two TWO] -q [--yes | --no-yes] {1,2,3}

well-known multi-word hyphen-separated state-of-the-art text -- with dashes
and a-b x-yz abc-de supercalifragilisticexpialidocioussupercalifragilisticexpi
alidocioussupercalifragilistic end

positional arguments:
  {1,2,3}          pick 1, 2, 3, default None, prog prog

options:
  -h, --help       show this help message and exit
  --abc ABC        averyveryveryverylongwordwithoutanyspacesatallthatmustbebro
                   kensomewherebecauseitislong
  --one            one
  --two TWO        two
  -q
  --yes, --no-yes
''')
        os.environ['COLUMNS'] = '50'
        self.assertEqual(p.format_help().splitlines()[5:8], [
            'the-art text -- with dashes and a-b x-yz abc-de ',
            'supercalifragilisticexpialidocioussupercalifragi',
            'listicexpialidocioussupercalifragilistic end'])

    def test_narrow_terminal(self):
        os.environ['COLUMNS'] = '30'
        p = argparse.ArgumentParser(prog='prog')
        p.add_argument('--alpha', help='the first letter of the greek alphabet')
        p.add_argument('beta')
        self.assertEqual(p.format_help(), '''\
usage: prog [-h]
            [--alpha ALPHA]
            beta

positional arguments:
  beta

options:
  -h, --help
        show this help
        message and exit
  --alpha ALPHA
        the first letter of
        the greek alphabet
''')

    def test_custom_usage_and_metavar(self):
        p = argparse.ArgumentParser(prog='prog', usage='%(prog)s [options] files')
        p.add_argument('x', metavar='XX', nargs=2)
        p.add_argument('-z', metavar='ZZ', default='s', type=str.upper)
        self.assertEqual(p.format_help(), '''\
usage: prog [options] files

positional arguments:
  XX

options:
  -h, --help  show this help message and exit
  -z ZZ
''')
        self.assertEqual(p.parse_args(['a', 'b']), argparse.Namespace(x=['a', 'b'], z='S'))

    def test_argument_defaults_formatter(self):
        p = argparse.ArgumentParser(prog='prog',
                                    formatter_class=argparse.ArgumentDefaultsHelpFormatter)
        p.add_argument('--a', default=3, help='a thing')
        p.add_argument('b', nargs='?', default='q')
        p.add_argument('--c', action='store_true', help='flag')
        self.assertEqual(p.format_help(), '''\
usage: prog [-h] [--a A] [--c] [b]

positional arguments:
  b

options:
  -h, --help  show this help message and exit
  --a A       a thing (default: 3)
  --c         flag (default: False)
''')

    def test_raw_formatters(self):
        p = argparse.ArgumentParser(prog='prog', formatter_class=argparse.RawTextHelpFormatter,
                                    description='line one\n  line two\n')
        p.add_argument('--a', help='x\n   y')
        self.assertEqual(p.format_help(), '''\
usage: prog [-h] [--a A]

line one
  line two

options:
  -h, --help  show this help message and exit
  --a A       x
                 y
''')
        q = argparse.ArgumentParser(prog='prog',
                                    formatter_class=argparse.RawDescriptionHelpFormatter,
                                    description='keep\n   this', epilog='  and this')
        q.add_argument('--a', help='x\n   y')
        self.assertEqual(q.format_help(), '''\
usage: prog [-h] [--a A]

keep
   this

options:
  -h, --help  show this help message and exit
  --a A       x y

  and this
''')

    def test_metavar_type_formatter(self):
        p = argparse.ArgumentParser(prog='prog',
                                    formatter_class=argparse.MetavarTypeHelpFormatter)
        p.add_argument('--a', type=int)
        p.add_argument('b', type=float)
        self.assertEqual(p.format_help(), '''\
usage: prog [-h] [--a int] float

positional arguments:
  float

options:
  -h, --help  show this help message and exit
  --a int
''')

    def test_subparsers_help(self):
        p = argparse.ArgumentParser(prog='P')
        sub = p.add_subparsers(dest='cmd', help='sub help')
        sub.add_parser('run', aliases=['r'], help='run it')
        sub.add_parser('stop')
        self.assertEqual(p.format_help(), '''\
usage: P [-h] {run,r,stop} ...

positional arguments:
  {run,r,stop}  sub help
    run (r)     run it

options:
  -h, --help    show this help message and exit
''')
        q = argparse.ArgumentParser(prog='prog')
        sub = q.add_subparsers(title='commands', description='cmds')
        sub.add_parser('one', help='first')
        self.assertEqual(q.format_help(), '''\
usage: prog [-h] {one} ...

options:
  -h, --help  show this help message and exit

commands:
  cmds

  {one}
    one       first
''')

    def test_print_help_and_usage(self):
        p = argparse.ArgumentParser(prog='prog', add_help=False)
        out = io.StringIO()
        p.print_usage(out)
        p.print_help(out)
        self.assertEqual(out.getvalue(), 'usage: prog\nusage: prog\n')

    def test_error_method(self):
        p = argparse.ArgumentParser(prog='prog')
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            with self.assertRaises(SystemExit) as cm:
                p.error('bad thing')
        self.assertEqual(cm.exception.code, 2)
        self.assertEqual(err.getvalue(), 'usage: prog [-h]\nprog: error: bad thing\n')



class MoreParsingTests(ColumnsMixin, unittest.TestCase):

    def test_single_dash_long_options(self):
        p = argparse.ArgumentParser(prog='prog')
        p.add_argument('-foo')
        p.add_argument('-f')
        self.assertEqual(p.parse_args(['-foo', '1']), argparse.Namespace(foo='1', f=None))
        self.assertError(p, ['-fo', '1'], 'ambiguous option: -fo could match -foo, -f')
        self.assertEqual(p.parse_args(['-fx']), argparse.Namespace(foo=None, f='x'))
        self.assertEqual(p.parse_args(['-foo=2']), argparse.Namespace(foo='2', f=None))

    def test_optional_then_positionals(self):
        p = argparse.ArgumentParser(prog='prog')
        p.add_argument('--x', nargs='?', const='c')
        p.add_argument('y', nargs='*')
        self.assertEqual(p.parse_args(['--x', 'a', 'b']), argparse.Namespace(x='a', y=['b']))
        self.assertEqual(p.parse_args(['a', '--x']), argparse.Namespace(x='c', y=['a']))
        self.assertEqual(p.parse_args(['--x', '--', 'a']), argparse.Namespace(x='c', y=['a']))

    def test_positional_arity_split(self):
        p = argparse.ArgumentParser(prog='p')
        p.add_argument('a', nargs=2)
        p.add_argument('b', nargs='*')
        p.add_argument('c')
        self.assertEqual(p.parse_args(['1', '2', '3']),
                         argparse.Namespace(a=['1', '2'], b=[], c='3'))
        self.assertEqual(p.parse_args(['1', '2', '3', '4', '5']),
                         argparse.Namespace(a=['1', '2'], b=['3', '4'], c='5'))
        self.assertError(p, ['1', '2'], 'the following arguments are required: c')

    def test_optional_remainder(self):
        p = argparse.ArgumentParser(prog='p')
        p.add_argument('-x', nargs=argparse.REMAINDER)
        p.add_argument('y', nargs='?')
        self.assertEqual(p.parse_args(['-x', 'a', '-b', '--c']),
                         argparse.Namespace(x=['a', '-b', '--c'], y=None))
        self.assertEqual(p.parse_args(['z', '-x']), argparse.Namespace(x=[], y='z'))

    def test_string_default_is_converted(self):
        p = argparse.ArgumentParser(prog='p')
        p.add_argument('x', nargs='?', type=int, default='7', choices=[7, 8])
        self.assertEqual(p.parse_args([]).x, 7)
        q = argparse.ArgumentParser(prog='p')
        q.add_argument('--x', type=int, default='bad')
        self.assertError(q, [], "argument --x: invalid int value: 'bad'")
        self.assertEqual(q.parse_args(['--x', '2']).x, 2)

    def test_abbreviation_prefix_of_other_option(self):
        p = argparse.ArgumentParser(prog='prog')
        p.add_argument('--foo', action='store_true')
        p.add_argument('--foo-bar')
        self.assertEqual(p.parse_args(['--foo']), argparse.Namespace(foo=True, foo_bar=None))
        self.assertEqual(p.parse_args(['--foo-b=1']).foo_bar, '1')
        self.assertError(p, ['--fo'], 'ambiguous option: --fo could match --foo, --foo-bar')

    def test_option_value_edge_cases(self):
        p = argparse.ArgumentParser(prog='p')
        p.add_argument('--x')
        self.assertError(p, ['--x', '-y'], 'argument --x: expected one argument')
        self.assertEqual(p.parse_args(['--x', '-1']).x, '-1')
        self.assertError(p, ['--x=', 'y'], 'unrecognized arguments: y')
        self.assertEqual(p.parse_known_args(['--x', '2', 'a b', '-q z']),
                         (argparse.Namespace(x='2'), ['a b', '-q z']))

    def test_custom_namespace(self):
        class Holder:
            pass
        holder = Holder()
        p = argparse.ArgumentParser(prog='p')
        p.add_argument('--a', default=1)
        self.assertIs(p.parse_args(['--a', '2'], namespace=holder), holder)
        self.assertEqual(holder.a, '2')

    def test_intermixed_restrictions(self):
        p = argparse.ArgumentParser(prog='p')
        p.add_argument('r', nargs='...')
        with self.assertRaises(TypeError) as cm:
            p.parse_intermixed_args([])
        self.assertEqual(str(cm.exception),
                         'parse_intermixed_args: positional arg with nargs=...')

    def test_multiple_subparsers(self):
        p = argparse.ArgumentParser(prog='p')
        p.add_subparsers()
        with self.assertRaises(argparse.ArgumentError) as cm:
            p.add_subparsers()
        self.assertEqual(str(cm.exception), 'cannot have multiple subparser arguments')

    def test_nested_subparsers(self):
        p = argparse.ArgumentParser(prog='prog')
        p.add_argument('pair', nargs=2)
        sub = p.add_subparsers(dest='cmd')
        c1 = sub.add_parser('c1')
        inner = c1.add_subparsers(dest='inner')
        inner.add_parser('deep').add_argument('--d')
        self.assertEqual(p.parse_args(['a', 'b', 'c1', 'deep', '--d', '1']),
                         argparse.Namespace(pair=['a', 'b'], cmd='c1', inner='deep', d='1'))
        self.assertEqual(c1.prog, 'prog pair pair c1')

    def test_version_from_parser(self):
        p = argparse.ArgumentParser(prog='prog')
        p.add_argument('--v', action='version')
        p.version = '9.9'
        result, code, out, err = run_parser(p, ['--v'])
        self.assertEqual((code, out), (0, '9.9\n'))

    def test_filetype(self):
        import sys
        self.assertEqual(repr(argparse.FileType('rb', encoding='utf8')),
                         "FileType('rb', encoding='utf8')")
        self.assertEqual(repr(argparse.FileType()), "FileType('r')")
        p = argparse.ArgumentParser(prog='p')
        p.add_argument('--x', type=argparse.FileType('r'))
        p.add_argument('--o', type=argparse.FileType('w'))
        ns = p.parse_args(['--x', '-', '--o', '-'])
        self.assertIs(ns.x, sys.stdin)
        self.assertIs(ns.o, sys.stdout)
        with self.assertRaises(ValueError):
            p.add_argument('--y', type=argparse.FileType)

    def test_default_prog_from_argv(self):
        import sys
        saved = sys.argv
        sys.argv = ['/some/where/tool.py', '--q', '5']
        try:
            p = argparse.ArgumentParser()
            p.add_argument('--q', type=int)
            self.assertEqual(p.prog, 'tool.py')
            self.assertEqual(p.parse_args(), argparse.Namespace(q=5))
        finally:
            sys.argv = saved

    def test_exit(self):
        p = argparse.ArgumentParser(prog='prog')
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            with self.assertRaises(SystemExit) as cm:
                p.exit(3, 'bye\n')
        self.assertEqual((cm.exception.code, err.getvalue()), (3, 'bye\n'))


class MoreHelpTests(ColumnsMixin, unittest.TestCase):

    def test_subparser_metavar_and_groups(self):
        p = argparse.ArgumentParser(prog='prog', description='non\xa0breaking\tspace  100%% sure')
        p.add_argument('--pct', help='100%% of %(dest)s', default=argparse.SUPPRESS)
        p.add_argument('--empty', help='')
        p.add_argument('pair', nargs=2, help='two things')
        p.add_argument('--sup', dest=argparse.SUPPRESS, action='store_true')
        group = p.add_argument_group('G')
        mutex = group.add_mutually_exclusive_group()
        mutex.add_argument('--m1', action='store_true')
        mutex.add_argument('--m2', action='store_true')
        sub = p.add_subparsers(metavar='COMMAND', help='the command', dest='cmd')
        sub.add_parser('c1', help='one')
        sub.add_parser('c2', help='two', aliases=['two', 'deux'])
        self.assertEqual(p.format_help(), """\
usage: prog [-h] [--pct PCT] [--empty EMPTY] [--sup] [--m1 | --m2]
            pair pair COMMAND ...

non\xa0breaking space 100%% sure

positional arguments:
  pair              two things
  COMMAND           the command
    c1              one
    c2 (two, deux)  two

options:
  -h, --help        show this help message and exit
  --pct PCT         100% of pct
  --empty EMPTY
  --sup

G:
  --m1
  --m2
""")
        self.assertError(p, ['a', 'b', '--m1', '--m2'],
                         'argument --m2: not allowed with argument --m1')
        self.assertError(p, ['a', 'b', 'c3'], "argument COMMAND: invalid choice: 'c3' "
                                              "(choose from 'c1', 'c2', 'two', 'deux')")

    def test_mutex_usage_wrapping(self):
        p = argparse.ArgumentParser(prog='prog')
        mutex = p.add_mutually_exclusive_group()
        for i in range(6):
            mutex.add_argument('--choice-number-%d' % i, metavar='VALUE%d' % i)
        p.add_argument('-z', action='store_true')
        p.add_argument('xs', nargs='*', choices=['a', 'b'])
        self.assertEqual(p.format_usage(), """\
usage: prog [-h] [--choice-number-0 VALUE0 | --choice-number-1 VALUE1 |
            --choice-number-2 VALUE2 | --choice-number-3 VALUE3 |
            --choice-number-4 VALUE4 | --choice-number-5 VALUE5] [-z]
            [{a,b} ...]
""")

    def test_formatter_arguments(self):
        def make(prog):
            return argparse.HelpFormatter(prog, max_help_position=40, width=60)
        p = argparse.ArgumentParser(prog='p', formatter_class=make)
        p.add_argument('--some-long-option', help='short')
        p.add_argument('-s', nargs='+', metavar='S', help='many')
        self.assertEqual(p.format_help(), """\
usage: p [-h] [--some-long-option SOME_LONG_OPTION]
         [-s S [S ...]]

options:
  -h, --help                           show this help
                                       message and exit
  --some-long-option SOME_LONG_OPTION  short
  -s S [S ...]                         many
""")

    def test_tuple_metavars(self):
        p = argparse.ArgumentParser(prog='prog')
        p.add_argument('--ab', nargs='+', metavar=('A', 'B'))
        p.add_argument('--cd', nargs='*', metavar=('C', 'D'))
        p.add_argument('-e', nargs=2, metavar=('E', 'F'))
        self.assertEqual(p.format_help(), """\
usage: prog [-h] [--ab A [B ...]] [--cd [C [D ...]]] [-e E F]

options:
  -h, --help        show this help message and exit
  --ab A [B ...]
  --cd [C [D ...]]
  -e E F
""")

    def test_defaults_formatter_variants(self):
        p = argparse.ArgumentParser(prog='p',
                                    formatter_class=argparse.ArgumentDefaultsHelpFormatter)
        p.add_argument('xs', nargs='*', default=[1], help='xs')
        p.add_argument('--n', help='n', default=argparse.SUPPRESS)
        p.add_argument('--m', help='m %(default)s', default=4)
        self.assertEqual(p.format_help(), """\
usage: p [-h] [--n N] [--m M] [xs ...]

positional arguments:
  xs          xs (default: [1])

options:
  -h, --help  show this help message and exit
  --n N       n
  --m M       m 4
""")

    def test_suppressed_usage_and_untitled_group(self):
        p = argparse.ArgumentParser(prog='prog', usage=argparse.SUPPRESS,
                                    description=argparse.SUPPRESS)
        p.add_argument_group().add_argument('--zz', help='in untitled group')
        p.add_argument_group('T', argparse.SUPPRESS).add_argument('--yy')
        self.assertEqual(p.format_help(), 'options:\n  -h, --help  show this help message '
                                          'and exit\n\n  --zz ZZ     in untitled group\n\n'
                                          'T:\n  --yy YY\n')
        result, code, out, err = run_parser(p, ['--bad'])
        self.assertEqual(err, 'prog: error: unrecognized arguments: --bad\n')

    def test_prog_in_description_and_epilog(self):
        p = argparse.ArgumentParser(prog='prog', epilog='Epilog with %(prog)s text',
                                    description='Desc for %(prog)s', add_help=False)
        self.assertEqual(p.format_help(),
                         'usage: prog\n\nDesc for prog\n\nEpilog with prog text\n')

    def test_wrapping_hyphens_and_dashes(self):
        os.environ['COLUMNS'] = '18'
        p = argparse.ArgumentParser(
            prog='p', add_help=False,
            description='snake_case-word under_score-x ab-cd_e a_-b x--y --z w-_q')
        self.assertEqual(p.format_help(), 'usage: p\n\nsnake_case-word\nunder_score-x\n'
                                          'ab-cd_e a_-b x--\ny --z w-_q\n')

    def test_negative_number_like(self):
        p = argparse.ArgumentParser(prog='p')
        p.add_argument('x', nargs='?')
        for arg in ['-1', '-.5', '-3.25', '-\u0663']:
            self.assertEqual(p.parse_args([arg]).x, arg)
        for arg in ['-1.', '-1.2.3', '-1.x']:
            self.assertError(p, [arg], 'unrecognized arguments: ' + arg)

    def test_very_long_names(self):
        p = argparse.ArgumentParser(prog='prog')
        p.add_argument('--' + 'x' * 90, help='long')
        self.assertEqual(p.format_help(), 'usage: prog [-h]\n            [--%s %s]\n\n'
                         'options:\n  -h, --help            show this help message and exit\n'
                         '  --%s %s\n                        long\n'
                         % ('x' * 90, 'X' * 90, 'x' * 90, 'X' * 90))


if __name__ == '__main__':
    unittest.main()

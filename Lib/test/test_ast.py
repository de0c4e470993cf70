"""Tests for the ast module's helpers (parse, literal_eval, dump, visitors, locations)."""

import ast
import unittest


class ParseTests(unittest.TestCase):

    def test_parse_modes(self):
        tree = ast.parse('x = 1')
        self.assertIsInstance(tree, ast.Module)
        self.assertIsInstance(tree.body[0], ast.Assign)
        expr = ast.parse('a + 1', mode='eval')
        self.assertIsInstance(expr, ast.Expression)
        self.assertIsInstance(expr.body, ast.BinOp)
        with self.assertRaises(SyntaxError):
            ast.parse('x = = 1')

    def test_compile_tree(self):
        tree = ast.parse('result = 6 * 7')
        namespace = {}
        exec(compile(tree, '<ast>', 'exec'), namespace)
        self.assertEqual(namespace['result'], 42)

    def test_filename_in_errors(self):
        with self.assertRaises(SyntaxError) as cm:
            ast.parse('(', filename='source.py')
        self.assertEqual(cm.exception.filename, 'source.py')


class LiteralEvalTests(unittest.TestCase):

    def test_literals(self):
        cases = {
            '1': 1, '-1.5': -1.5, '+3': 3, '1+2j': 1 + 2j, '-3-4j': -3 - 4j,
            "{'a': [1, (2, 3)], 'b': {1, 2}}": {'a': [1, (2, 3)], 'b': {1, 2}},
            'set()': set(), 'None': None, 'True': True, '...': ..., "b'x'": b'x',
            '  (1,)': (1,), "'str'": 'str', '[]': [],
        }
        for source, expected in cases.items():
            with self.subTest(source=source):
                self.assertEqual(ast.literal_eval(source), expected)

    def test_rejects_non_literals(self):
        for source in ('x', '1+1', 'f()', '{**a}', '"a" + "b"', '[i for i in x]',
                       'set([1])', '-"a"'):
            with self.subTest(source=source):
                with self.assertRaises(ValueError) as cm:
                    ast.literal_eval(source)
                self.assertTrue(str(cm.exception).startswith('malformed node or string'))

    def test_node_argument(self):
        self.assertEqual(ast.literal_eval(ast.parse('[1, 2]', mode='eval')), [1, 2])
        self.assertEqual(ast.literal_eval(ast.Constant(value=5)), 5)


class DumpTests(unittest.TestCase):

    def test_default(self):
        tree = ast.parse('x = None; f(a, *b, k=1)\ndef g(): pass\nreturn')
        self.assertEqual(ast.dump(tree), (
            "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
            "value=Constant(value=None)), Expr(value=Call(func=Name(id='f', ctx=Load()), "
            "args=[Name(id='a', ctx=Load()), Starred(value=Name(id='b', ctx=Load()), "
            "ctx=Load())], keywords=[keyword(arg='k', value=Constant(value=1))])), "
            "FunctionDef(name='g', args=arguments(), body=[Pass()]), Return()])"))

    def test_positional(self):
        tree = ast.parse('try:\n pass\nexcept* E as e:\n raise X from e\n'
                         'finally:\n del a[1:2, ::3]')
        self.assertEqual(ast.dump(tree, annotate_fields=False), (
            "Module([TryStar([Pass()], [ExceptHandler(Name('E', Load()), 'e', "
            "[Raise(Name('X', Load()), Name('e', Load()))])], [], [Delete([Subscript("
            "Name('a', Load()), Tuple([Slice(Constant(1), Constant(2)), "
            "Slice(step=Constant(3))], Load()), Del())])])])"))

    def test_show_empty(self):
        self.assertEqual(ast.dump(ast.parse('x'), show_empty=True),
                         "Module(body=[Expr(value=Name(id='x', ctx=Load()))], "
                         "type_ignores=[])")

    def test_indent_and_attributes(self):
        self.assertEqual(ast.dump(ast.parse('x=1'), include_attributes=True, indent=1), (
            "Module(\n"
            " body=[\n"
            "  Assign(\n"
            "   targets=[\n"
            "    Name(\n"
            "     id='x',\n"
            "     ctx=Store(),\n"
            "     lineno=1,\n"
            "     col_offset=0,\n"
            "     end_lineno=1,\n"
            "     end_col_offset=1)],\n"
            "   value=Constant(\n"
            "    value=1,\n"
            "    lineno=1,\n"
            "    col_offset=2,\n"
            "    end_lineno=1,\n"
            "    end_col_offset=3),\n"
            "   lineno=1,\n"
            "   col_offset=0,\n"
            "   end_lineno=1,\n"
            "   end_col_offset=3)])"))
        self.assertEqual(ast.dump(ast.parse('x', mode='eval'), indent='--'),
                         "Expression(\n--body=Name(id='x', ctx=Load()))")

    def test_match_singleton(self):
        tree = ast.parse('match p:\n case None: pass')
        self.assertIn('MatchSingleton(value=None)', ast.dump(tree))

    def test_not_a_node(self):
        with self.assertRaises(TypeError):
            ast.dump('x')


class TraversalTests(unittest.TestCase):

    def test_walk_and_iter(self):
        tree = ast.parse('a = b + c')
        names = sorted(node.id for node in ast.walk(tree) if isinstance(node, ast.Name))
        self.assertEqual(names, ['a', 'b', 'c'])
        assign = tree.body[0]
        self.assertEqual([name for name, _ in ast.iter_fields(assign)],
                         ['targets', 'value', 'type_comment'])
        self.assertEqual([type(n).__name__ for n in ast.iter_child_nodes(assign)],
                         ['Name', 'BinOp'])

    def test_node_visitor(self):
        class Collector(ast.NodeVisitor):
            def __init__(self):
                self.calls = []

            def visit_Call(self, node):
                self.calls.append(node.func.id)
                self.generic_visit(node)

        collector = Collector()
        collector.visit(ast.parse('f(g(1), h())'))
        self.assertEqual(collector.calls, ['f', 'g', 'h'])

    def test_node_transformer(self):
        class Transformer(ast.NodeTransformer):
            def visit_Constant(self, node):
                return ast.copy_location(ast.Constant(value=node.value * 10), node)

            def visit_Pass(self, node):
                return None

            def visit_Expr(self, node):
                return [node, ast.Expr(value=ast.Constant(value='added'))]

        tree = Transformer().visit(ast.parse('x = 1 + 2\nif a:\n    pass\n    y\n'))
        self.assertEqual(ast.dump(tree), (
            "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
            "value=BinOp(left=Constant(value=10), op=Add(), right=Constant(value=20))), "
            "If(test=Name(id='a', ctx=Load()), body=[Expr(value=Name(id='y', "
            "ctx=Load())), Expr(value=Constant(value='added'))])])"))


class LocationTests(unittest.TestCase):

    def test_fix_missing_locations_and_increment(self):
        tree = ast.Module(body=[ast.Expr(value=ast.Constant(value=1))], type_ignores=[])
        ast.fix_missing_locations(tree)
        self.assertEqual((tree.body[0].lineno, tree.body[0].col_offset), (1, 0))
        self.assertEqual(tree.body[0].value.end_lineno, 1)
        ast.increment_lineno(tree, 3)
        self.assertEqual((tree.body[0].lineno, tree.body[0].value.end_lineno), (4, 4))
        exec(compile(tree, '<fixed>', 'exec'), {})

    def test_copy_location(self):
        old = ast.parse('x').body[0]
        new = ast.copy_location(ast.Pass(), old)
        self.assertEqual((new.lineno, new.col_offset, new.end_lineno, new.end_col_offset),
                         (1, 0, 1, 1))

    def test_get_source_segment(self):
        source = 'a = (1 +\n     2)\nif x:\n    yy = 3\n'
        tree = ast.parse(source)
        value = tree.body[0].value
        self.assertEqual(ast.get_source_segment(source, value), '1 +\n     2')
        self.assertEqual(ast.get_source_segment(source, value, padded=True),
                         '     1 +\n     2')
        self.assertEqual(ast.get_source_segment(source, tree.body[1].body[0]), 'yy = 3')
        self.assertIsNone(ast.get_source_segment(source, ast.Pass()))

    def test_get_docstring(self):
        tree = ast.parse('def f():\n  """  Doc\n    more\n  """\n  x = 1\nclass C: pass\n')
        self.assertEqual(ast.get_docstring(tree.body[0]), 'Doc\nmore')
        self.assertEqual(ast.get_docstring(tree.body[0], clean=False),
                         '  Doc\n    more\n  ')
        self.assertIsNone(ast.get_docstring(tree.body[1]))
        self.assertIsNone(ast.get_docstring(tree))
        with self.assertRaises(TypeError):
            ast.get_docstring(tree.body[0].body[1])


if __name__ == '__main__':
    unittest.main()

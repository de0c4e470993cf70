import difflib
import unittest

A = "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n".splitlines(True)
B = "zero\none\ntree\nfour\nfive\nsix\nseven\neight\nnine!\nten\neleven\n".splitlines(True)


class SequenceMatcherTests(unittest.TestCase):
    def test_basic(self):
        s = difflib.SequenceMatcher(None, "abxcd", "abcd")
        self.assertEqual(s.get_matching_blocks(),
                         [difflib.Match(0, 0, 2), difflib.Match(3, 2, 2),
                          difflib.Match(5, 4, 0)])
        self.assertEqual(s.get_opcodes(), [('equal', 0, 2, 0, 2), ('delete', 2, 3, 2, 2),
                                           ('equal', 3, 5, 2, 4)])
        self.assertAlmostEqual(s.ratio(), 8 / 9)
        self.assertAlmostEqual(s.quick_ratio(), 8 / 9)
        self.assertAlmostEqual(s.real_quick_ratio(), 8 / 9)

    def test_junk(self):
        s = difflib.SequenceMatcher(lambda x: x == " ", "private Thread currentThread;",
                                    "private volatile Thread currentThread;")
        self.assertEqual(round(s.ratio(), 3), 0.866)
        self.assertEqual(s.get_opcodes(),
                         [('equal', 0, 8, 0, 8), ('insert', 8, 8, 8, 17),
                          ('equal', 8, 29, 17, 38)])
        self.assertEqual(s.bjunk, {' '})

    def test_find_longest_match(self):
        s = difflib.SequenceMatcher(None, " abcd", "abcd abcd")
        self.assertEqual(s.find_longest_match(0, 5, 0, 9), difflib.Match(0, 4, 5))
        s = difflib.SequenceMatcher(lambda x: x == " ", " abcd", "abcd abcd")
        self.assertEqual(s.find_longest_match(), difflib.Match(1, 0, 4))

    def test_autojunk(self):
        x = 'x' * 300 + 'abc'
        s = difflib.SequenceMatcher(None, x, 'y' + x)
        self.assertEqual(s.bpopular, {'x'})
        self.assertEqual(s.get_opcodes(), [('insert', 0, 0, 0, 1), ('equal', 0, 303, 1, 304)])
        s = difflib.SequenceMatcher(None, x, 'y' + x, autojunk=False)
        self.assertEqual(s.bpopular, set())

    def test_grouped_opcodes(self):
        s = difflib.SequenceMatcher(None, list(range(40)), list(range(5, 45)))
        self.assertEqual(list(s.get_grouped_opcodes()),
                         [[('delete', 0, 5, 0, 0), ('equal', 5, 8, 0, 3)],
                          [('equal', 37, 40, 32, 35), ('insert', 40, 40, 35, 40)]])
        s = difflib.SequenceMatcher(None, [], [])
        self.assertEqual(list(s.get_grouped_opcodes()), [])

    def test_get_close_matches(self):
        self.assertEqual(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]),
                         ['apple', 'ape'])
        self.assertEqual(difflib.get_close_matches("wheel", ["while", "with", "where", "if"]),
                         ['where', 'while'])
        with self.assertRaises(ValueError):
            difflib.get_close_matches("x", [], n=0)
        with self.assertRaises(ValueError):
            difflib.get_close_matches("x", [], cutoff=1.5)


class DiffTests(unittest.TestCase):
    def test_unified(self):
        self.assertEqual(
            ''.join(difflib.unified_diff(A, B, 'a.txt', 'b.txt', 'd1', 'd2')),
            '--- a.txt\td1\n+++ b.txt\td2\n@@ -1,10 +1,11 @@\n+zero\n one\n-two\n-three\n'
            '+tree\n four\n five\n six\n seven\n eight\n-nine\n+nine!\n ten\n+eleven\n')
        self.assertEqual(list(difflib.unified_diff(A, A)), [])
        self.assertEqual(list(difflib.unified_diff(['a'], ['b'], lineterm='')),
                         ['--- ', '+++ ', '@@ -1 +1 @@', '-a', '+b'])
        self.assertEqual(list(difflib.unified_diff([], ['b'], lineterm='')),
                         ['--- ', '+++ ', '@@ -0,0 +1 @@', '+b'])

    def test_context(self):
        self.assertEqual(
            ''.join(difflib.context_diff(A, B, 'a.txt', 'b.txt')),
            '*** a.txt\n--- b.txt\n***************\n*** 1,10 ****\n  one\n! two\n! three\n'
            '  four\n  five\n  six\n  seven\n  eight\n! nine\n  ten\n--- 1,11 ----\n+ zero\n'
            '  one\n! tree\n  four\n  five\n  six\n  seven\n  eight\n! nine!\n  ten\n'
            '+ eleven\n')

    def test_ndiff(self):
        self.assertEqual(
            list(difflib.ndiff(['abcdefg\n', '  x\n', 'same\n'],
                               ['abXdefgh\n', 'same\n', 'new  one\n'])),
            ['- abcdefg\n', '?   ^\n', '+ abXdefgh\n', '?   ^    +\n', '-   x\n',
             '  same\n', '+ new  one\n'])
        diff = list(difflib.ndiff(A, B))
        self.assertEqual(list(difflib.restore(diff, 1)), A)
        self.assertEqual(list(difflib.restore(diff, 2)), B)

    def test_junk_helpers(self):
        self.assertTrue(difflib.IS_LINE_JUNK('  # \n'))
        self.assertTrue(difflib.IS_LINE_JUNK('\n'))
        self.assertFalse(difflib.IS_LINE_JUNK('x\n'))
        self.assertTrue(difflib.IS_CHARACTER_JUNK(' '))
        self.assertFalse(difflib.IS_CHARACTER_JUNK('\n'))

    def test_type_errors(self):
        with self.assertRaises(TypeError):
            list(difflib.unified_diff([b'a'], [b'b']))


    def test_diff_bytes(self):
        self.assertEqual(
            list(difflib.diff_bytes(difflib.unified_diff, [b'a\xff\n', b'b\n'],
                                    [b'a\xff\n', b'c\n'], b'f\xe9', b'g')),
            [b'--- f\xe9\n', b'+++ g\n', b'@@ -1,2 +1,2 @@\n', b' a\xff\n', b'-b\n',
             b'+c\n'])
        with self.assertRaises(TypeError):
            list(difflib.diff_bytes(difflib.unified_diff, ['a'], [b'b']))


if __name__ == "__main__":
    unittest.main()

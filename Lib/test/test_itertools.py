"""Tests of itertools (the C module)."""

import itertools
import operator
import unittest
from itertools import (accumulate, batched, chain, combinations,
                       combinations_with_replacement, compress, count, cycle, dropwhile,
                       filterfalse, groupby, islice, pairwise, permutations, product, repeat,
                       starmap, takewhile, tee, zip_longest)


class InfiniteTests(unittest.TestCase):

    def test_count(self):
        self.assertEqual(list(islice(count(), 4)), [0, 1, 2, 3])
        self.assertEqual(list(islice(count(10, -2.5), 3)), [10, 7.5, 5.0])
        self.assertEqual(repr(count(3)), 'count(3)')
        self.assertEqual(repr(count(3, 2)), 'count(3, 2)')
        big = 2 ** 100
        self.assertEqual(list(islice(count(big), 2)), [big, big + 1])
        with self.assertRaises(TypeError):
            count('a')

    def test_cycle_repeat(self):
        self.assertEqual(list(islice(cycle('ab'), 5)), ['a', 'b', 'a', 'b', 'a'])
        self.assertEqual(list(cycle([])), [])
        self.assertEqual(list(repeat('x', 3)), ['x', 'x', 'x'])
        self.assertEqual(list(repeat(1, -1)), [])
        self.assertEqual(repr(repeat(5, 2)), 'repeat(5, 2)')
        self.assertEqual(operator.length_hint(repeat(None, 7)), 7)


class TerminatingTests(unittest.TestCase):

    def test_accumulate(self):
        self.assertEqual(list(accumulate([1, 2, 3, 4])), [1, 3, 6, 10])
        self.assertEqual(list(accumulate([3, 1, 4], max)), [3, 3, 4])
        self.assertEqual(list(accumulate([1, 2], initial=10)), [10, 11, 13])
        self.assertEqual(list(accumulate([], initial=5)), [5])
        self.assertEqual(list(accumulate('abc')), ['a', 'ab', 'abc'])

    def test_batched_pairwise(self):
        self.assertEqual(list(batched('abcdefg', 3)), [('a', 'b', 'c'), ('d', 'e', 'f'),
                                                      ('g',)])
        with self.assertRaises(ValueError):
            list(batched('abcd', 3, strict=True))
        with self.assertRaises(ValueError):
            batched('a', 0)
        self.assertEqual(list(pairwise('abcd')), [('a', 'b'), ('b', 'c'), ('c', 'd')])
        self.assertEqual(list(pairwise('a')), [])

    def test_chain(self):
        self.assertEqual(list(chain('ab', [1], ())), ['a', 'b', 1])
        self.assertEqual(list(chain.from_iterable(['ab', 'cd'])), list('abcd'))
        self.assertEqual(list(chain()), [])
        with self.assertRaises(TypeError):
            list(chain(1))

    def test_compress_dropwhile_takewhile_filterfalse(self):
        self.assertEqual(list(compress('abcdef', [1, 0, 1, 0, 1, 1])), list('acef'))
        self.assertEqual(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), [6, 4, 1])
        self.assertEqual(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), [1, 4])
        self.assertEqual(list(filterfalse(lambda x: x % 2, range(6))), [0, 2, 4])
        self.assertEqual(list(filterfalse(None, [0, 1, '', 'a'])), [0, ''])

    def test_groupby(self):
        groups = [(k, ''.join(g)) for k, g in groupby('AAAABBBCCDAABBB')]
        self.assertEqual(groups, [('A', 'AAAA'), ('B', 'BBB'), ('C', 'CC'), ('D', 'D'),
                                  ('A', 'AA'), ('B', 'BBB')])
        keys = [k for k, _ in groupby([1, 2, 3, 4], key=lambda x: x // 3)]
        self.assertEqual(keys, [0, 1])
        it = groupby('aabb')
        _, first = next(it)
        next(it)
        self.assertEqual(list(first), [])

    def test_islice(self):
        self.assertEqual(list(islice('ABCDEFG', 2)), ['A', 'B'])
        self.assertEqual(list(islice('ABCDEFG', 2, 4)), ['C', 'D'])
        self.assertEqual(list(islice('ABCDEFG', 2, None)), list('CDEFG'))
        self.assertEqual(list(islice('ABCDEFG', 0, None, 2)), list('ACEG'))
        self.assertEqual(list(islice(count(), 1, 10, 3)), [1, 4, 7])
        with self.assertRaises(ValueError):
            islice('abc', -1)
        with self.assertRaises(ValueError):
            islice('abc', 0, 2, 0)

    def test_starmap_zip_longest_tee(self):
        self.assertEqual(list(starmap(pow, [(2, 5), (3, 2)])), [32, 9])
        self.assertEqual(list(zip_longest('AB', 'xyz', fillvalue='-')),
                         [('A', 'x'), ('B', 'y'), ('-', 'z')])
        self.assertEqual(list(zip_longest()), [])
        a, b = tee(iter(range(5)))
        self.assertEqual(list(a), [0, 1, 2, 3, 4])
        self.assertEqual(list(b), [0, 1, 2, 3, 4])
        x, y, z = tee('abc', 3)
        self.assertEqual(next(x), 'a')
        self.assertEqual(list(y) + list(z), list('abcabc'))
        self.assertEqual(tee('a', 0), ())
        long_a, long_b = tee(range(1000))
        self.assertEqual(sum(long_a), sum(long_b))


class CombinatoricTests(unittest.TestCase):

    def test_product(self):
        self.assertEqual(list(product('ab', range(2))),
                         [('a', 0), ('a', 1), ('b', 0), ('b', 1)])
        self.assertEqual(list(product(range(2), repeat=2)), [(0, 0), (0, 1), (1, 0), (1, 1)])
        self.assertEqual(list(product()), [()])
        self.assertEqual(list(product('ab', [])), [])

    def test_permutations(self):
        self.assertEqual(list(permutations('ABC', 2)),
                         [('A', 'B'), ('A', 'C'), ('B', 'A'), ('B', 'C'), ('C', 'A'),
                          ('C', 'B')])
        self.assertEqual(len(list(permutations(range(5)))), 120)
        self.assertEqual(list(permutations('ab', 3)), [])
        self.assertEqual(list(permutations('ab', 0)), [()])

    def test_combinations(self):
        self.assertEqual(list(combinations('ABCD', 2)),
                         [('A', 'B'), ('A', 'C'), ('A', 'D'), ('B', 'C'), ('B', 'D'),
                          ('C', 'D')])
        self.assertEqual(list(combinations(range(4), 3)),
                         [(0, 1, 2), (0, 1, 3), (0, 2, 3), (1, 2, 3)])
        self.assertEqual(list(combinations('ab', 3)), [])
        self.assertEqual(list(combinations_with_replacement('ABC', 2)),
                         [('A', 'A'), ('A', 'B'), ('A', 'C'), ('B', 'B'), ('B', 'C'),
                          ('C', 'C')])
        with self.assertRaises(ValueError):
            combinations('abc', -1)

    def test_generic_alias(self):
        self.assertEqual(itertools.chain[int].__origin__, itertools.chain)


if __name__ == '__main__':
    unittest.main()

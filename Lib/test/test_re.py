"""Tests for the re module.  Expected values were captured from CPython 3.13."""

import contextlib
import io
import re
import unittest
import warnings

DATA = [('abc',
  'xxabcxx',
  0,
  {'findall': ['abc'],
   'full': None,
   'match': None,
   'search': ((2, 5), (), None),
   'split': ['xx', 'xx'],
   'sub': ('xx<abc>xx', 1)}),
 ('a.c',
  'abc a\nc',
  0,
  {'findall': ['abc'],
   'full': None,
   'match': (0, 3),
   'search': ((0, 3), (), None),
   'split': ['', ' a\nc'],
   'sub': ('<abc> a\nc', 1)}),
 ('a.c',
  'a\nc',
  16,
  {'findall': ['a\nc'],
   'full': (0, 3),
   'match': (0, 3),
   'search': ((0, 3), (), None),
   'split': ['', ''],
   'sub': ('<a\nc>', 1)}),
 ('[a-c]+',
  'xxabcabdz',
  0,
  {'findall': ['abcab'],
   'full': None,
   'match': None,
   'search': ((2, 7), (), None),
   'split': ['xx', 'dz'],
   'sub': ('xx<abcab>dz', 1)}),
 ('[^a-c]+',
  'abcxyzabc',
  0,
  {'findall': ['xyz'],
   'full': None,
   'match': None,
   'search': ((3, 6), (), None),
   'split': ['abc', 'abc'],
   'sub': ('abc<xyz>abc', 1)}),
 ('[]a]+',
  'x]a]y',
  0,
  {'findall': [']a]'],
   'full': None,
   'match': None,
   'search': ((1, 4), (), None),
   'split': ['x', 'y'],
   'sub': ('x<]a]>y', 1)}),
 ('[a\\-z]+',
  'b-az',
  0,
  {'findall': ['-az'],
   'full': None,
   'match': None,
   'search': ((1, 4), (), None),
   'split': ['b', ''],
   'sub': ('b<-az>', 1)}),
 ('\\d+',
  'ab 123 45',
  0,
  {'findall': ['123', '45'],
   'full': None,
   'match': None,
   'search': ((3, 6), (), None),
   'split': ['ab ', ' ', ''],
   'sub': ('ab <123> <45>', 2)}),
 ('\\D+',
  '12ab34',
  0,
  {'findall': ['ab'],
   'full': None,
   'match': None,
   'search': ((2, 4), (), None),
   'split': ['12', '34'],
   'sub': ('12<ab>34', 1)}),
 ('\\w+',
  'héllo wörld_1',
  0,
  {'findall': ['héllo', 'wörld_1'],
   'full': None,
   'match': (0, 5),
   'search': ((0, 5), (), None),
   'split': ['', ' ', ''],
   'sub': ('<héllo> <wörld_1>', 2)}),
 ('\\w+',
  'héllo wörld_1',
  256,
  {'findall': ['h', 'llo', 'w', 'rld_1'],
   'full': None,
   'match': (0, 1),
   'search': ((0, 1), (), None),
   'split': ['', 'é', ' ', 'ö', ''],
   'sub': ('<h>é<llo> <w>ö<rld_1>', 4)}),
 ('\\W+',
  'ab, cd',
  0,
  {'findall': [', '],
   'full': None,
   'match': None,
   'search': ((2, 4), (), None),
   'split': ['ab', 'cd'],
   'sub': ('ab<, >cd', 1)}),
 ('\\s+',
  'a \t\nb',
  0,
  {'findall': [' \t\n'],
   'full': None,
   'match': None,
   'search': ((1, 4), (), None),
   'split': ['a', 'b'],
   'sub': ('a< \t\n>b', 1)}),
 ('\\S+',
  '  xy  ',
  0,
  {'findall': ['xy'],
   'full': None,
   'match': None,
   'search': ((2, 4), (), None),
   'split': ['  ', '  '],
   'sub': ('  <xy>  ', 1)}),
 ('\\bfoo\\b',
  'a foo b foobar',
  0,
  {'findall': ['foo'],
   'full': None,
   'match': None,
   'search': ((2, 5), (), None),
   'split': ['a ', ' b foobar'],
   'sub': ('a <foo> b foobar', 1)}),
 ('\\Bo\\B',
  'foo boo',
  0,
  {'findall': ['o', 'o'],
   'full': None,
   'match': None,
   'search': ((1, 2), (), None),
   'split': ['f', 'o b', 'o'],
   'sub': ('f<o>o b<o>o', 2)}),
 ('\\Aab',
  'abab',
  0,
  {'findall': ['ab'],
   'full': None,
   'match': (0, 2),
   'search': ((0, 2), (), None),
   'split': ['', 'ab'],
   'sub': ('<ab>ab', 1)}),
 ('ab\\Z',
  'abab',
  0,
  {'findall': ['ab'],
   'full': None,
   'match': None,
   'search': ((2, 4), (), None),
   'split': ['ab', ''],
   'sub': ('ab<ab>', 1)}),
 ('^a',
  'ba\na',
  0,
  {'findall': [],
   'full': None,
   'match': None,
   'search': None,
   'split': ['ba\na'],
   'sub': ('ba\na', 0)}),
 ('^a',
  'ba\na',
  8,
  {'findall': ['a'],
   'full': None,
   'match': None,
   'search': ((3, 4), (), None),
   'split': ['ba\n', ''],
   'sub': ('ba\n<a>', 1)}),
 ('a$',
  'a\nba\n',
  0,
  {'findall': ['a'],
   'full': None,
   'match': None,
   'search': ((3, 4), (), None),
   'split': ['a\nb', '\n'],
   'sub': ('a\nb<a>\n', 1)}),
 ('a$',
  'a\nba\n',
  8,
  {'findall': ['a', 'a'],
   'full': None,
   'match': (0, 1),
   'search': ((0, 1), (), None),
   'split': ['', '\nb', '\n'],
   'sub': ('<a>\nb<a>\n', 2)}),
 ('a*',
  'aaab',
  0,
  {'findall': ['aaa', '', ''],
   'full': None,
   'match': (0, 3),
   'search': ((0, 3), (), None),
   'split': ['', '', 'b', ''],
   'sub': ('<aaa><>b<>', 3)}),
 ('a+?',
  'aaa',
  0,
  {'findall': ['a', 'a', 'a'],
   'full': (0, 3),
   'match': (0, 1),
   'search': ((0, 1), (), None),
   'split': ['', '', '', ''],
   'sub': ('<a><a><a>', 3)}),
 ('a*?b',
  'aaab',
  0,
  {'findall': ['aaab'],
   'full': (0, 4),
   'match': (0, 4),
   'search': ((0, 4), (), None),
   'split': ['', ''],
   'sub': ('<aaab>', 1)}),
 ('a??b',
  'ab',
  0,
  {'findall': ['ab'],
   'full': (0, 2),
   'match': (0, 2),
   'search': ((0, 2), (), None),
   'split': ['', ''],
   'sub': ('<ab>', 1)}),
 ('a{2,3}',
  'aaaa',
  0,
  {'findall': ['aaa'],
   'full': None,
   'match': (0, 3),
   'search': ((0, 3), (), None),
   'split': ['', 'a'],
   'sub': ('<aaa>a', 1)}),
 ('a{2,3}?',
  'aaaa',
  0,
  {'findall': ['aa', 'aa'],
   'full': None,
   'match': (0, 2),
   'search': ((0, 2), (), None),
   'split': ['', '', ''],
   'sub': ('<aa><aa>', 2)}),
 ('a{2}',
  'aaa',
  0,
  {'findall': ['aa'],
   'full': None,
   'match': (0, 2),
   'search': ((0, 2), (), None),
   'split': ['', 'a'],
   'sub': ('<aa>a', 1)}),
 ('a{,2}',
  'aaa',
  0,
  {'findall': ['aa', 'a', ''],
   'full': None,
   'match': (0, 2),
   'search': ((0, 2), (), None),
   'split': ['', '', '', ''],
   'sub': ('<aa><a><>', 3)}),
 ('a{2,}',
  'aaaaa',
  0,
  {'findall': ['aaaaa'],
   'full': (0, 5),
   'match': (0, 5),
   'search': ((0, 5), (), None),
   'split': ['', ''],
   'sub': ('<aaaaa>', 1)}),
 ('x{',
  'x{',
  0,
  {'findall': ['x{'],
   'full': (0, 2),
   'match': (0, 2),
   'search': ((0, 2), (), None),
   'split': ['', ''],
   'sub': ('<x{>', 1)}),
 ('a{1,2}b',
  'aaab',
  0,
  {'findall': ['aab'],
   'full': None,
   'match': None,
   'search': ((1, 4), (), None),
   'split': ['a', ''],
   'sub': ('a<aab>', 1)}),
 ('cat|dog',
  'hotdog cat',
  0,
  {'findall': ['dog', 'cat'],
   'full': None,
   'match': None,
   'search': ((3, 6), (), None),
   'split': ['hot', ' ', ''],
   'sub': ('hot<dog> <cat>', 2)}),
 ('a(b|c)d',
  'acd',
  0,
  {'findall': ['c'],
   'full': (0, 3),
   'match': (0, 3),
   'search': ((0, 3), ('c',), 1),
   'split': ['', 'c', ''],
   'sub': ('<acd>', 1)}),
 ('(a)(b)?',
  'ac',
  0,
  {'findall': [('a', '')],
   'full': None,
   'match': (0, 1),
   'search': ((0, 1), ('a', None), 1),
   'split': ['', 'a', None, 'c'],
   'sub': ('<a>c', 1)}),
 ('(a|b)*',
  'abab',
  0,
  {'findall': ['b', ''],
   'full': (0, 4),
   'match': (0, 4),
   'search': ((0, 4), ('b',), 1),
   'split': ['', 'b', '', None, ''],
   'sub': ('<abab><>', 2)}),
 ('(a*)*',
  'b',
  0,
  {'findall': ['', ''],
   'full': None,
   'match': (0, 0),
   'search': ((0, 0), ('',), 1),
   'split': ['', '', 'b', '', ''],
   'sub': ('<>b<>', 2)}),
 ('(a*)+',
  'b',
  0,
  {'findall': ['', ''],
   'full': None,
   'match': (0, 0),
   'search': ((0, 0), ('',), 1),
   'split': ['', '', 'b', '', ''],
   'sub': ('<>b<>', 2)}),
 ('(ab)+',
  'ababab',
  0,
  {'findall': ['ab'],
   'full': (0, 6),
   'match': (0, 6),
   'search': ((0, 6), ('ab',), 1),
   'split': ['', 'ab', ''],
   'sub': ('<ababab>', 1)}),
 ('(?P<first>\\w+) (?P<last>\\w+)',
  'Jane Doe',
  0,
  {'findall': [('Jane', 'Doe')],
   'full': (0, 8),
   'match': (0, 8),
   'search': ((0, 8), ('Jane', 'Doe'), 2),
   'split': ['', 'Jane', 'Doe', ''],
   'sub': ('<Jane Doe>', 1)}),
 ('(?P<q>[\'"]).*?(?P=q)',
  'say "hi" ok',
  0,
  {'findall': ['"'],
   'full': None,
   'match': None,
   'search': ((4, 8), ('"',), 1),
   'split': ['say ', '"', ' ok'],
   'sub': ('say <"hi"> ok', 1)}),
 ('(a)\\1',
  'xaa',
  0,
  {'findall': ['a'],
   'full': None,
   'match': None,
   'search': ((1, 3), ('a',), 1),
   'split': ['x', 'a', ''],
   'sub': ('x<aa>', 1)}),
 ('(\\w+) \\1',
  'the the',
  0,
  {'findall': ['the'],
   'full': (0, 7),
   'match': (0, 7),
   'search': ((0, 7), ('the',), 1),
   'split': ['', 'the', ''],
   'sub': ('<the the>', 1)}),
 ('(?:ab)+c',
  'ababc',
  0,
  {'findall': ['ababc'],
   'full': (0, 5),
   'match': (0, 5),
   'search': ((0, 5), (), None),
   'split': ['', ''],
   'sub': ('<ababc>', 1)}),
 ('foo(?=bar)',
  'foobaz foobar',
  0,
  {'findall': ['foo'],
   'full': None,
   'match': None,
   'search': ((7, 10), (), None),
   'split': ['foobaz ', 'bar'],
   'sub': ('foobaz <foo>bar', 1)}),
 ('foo(?!bar)',
  'foobar foobaz',
  0,
  {'findall': ['foo'],
   'full': None,
   'match': None,
   'search': ((7, 10), (), None),
   'split': ['foobar ', 'baz'],
   'sub': ('foobar <foo>baz', 1)}),
 ('(?<=a)b',
  'cb ab',
  0,
  {'findall': ['b'],
   'full': None,
   'match': None,
   'search': ((4, 5), (), None),
   'split': ['cb a', ''],
   'sub': ('cb a<b>', 1)}),
 ('(?<!a)b',
  'ab cb',
  0,
  {'findall': ['b'],
   'full': None,
   'match': None,
   'search': ((4, 5), (), None),
   'split': ['ab c', ''],
   'sub': ('ab c<b>', 1)}),
 ('(?<=ab)c',
  'abc',
  0,
  {'findall': ['c'],
   'full': None,
   'match': None,
   'search': ((2, 3), (), None),
   'split': ['ab', ''],
   'sub': ('ab<c>', 1)}),
 ('(?i)hello',
  'HeLLo',
  0,
  {'findall': ['HeLLo'],
   'full': (0, 5),
   'match': (0, 5),
   'search': ((0, 5), (), None),
   'split': ['', ''],
   'sub': ('<HeLLo>', 1)}),
 ('hello',
  'HELLO',
  2,
  {'findall': ['HELLO'],
   'full': (0, 5),
   'match': (0, 5),
   'search': ((0, 5), (), None),
   'split': ['', ''],
   'sub': ('<HELLO>', 1)}),
 ('[a-z]+',
  'ABC def',
  2,
  {'findall': ['ABC', 'def'],
   'full': None,
   'match': (0, 3),
   'search': ((0, 3), (), None),
   'split': ['', ' ', ''],
   'sub': ('<ABC> <def>', 2)}),
 ('(?i:a)b',
  'Ab AB',
  0,
  {'findall': ['Ab'],
   'full': None,
   'match': (0, 2),
   'search': ((0, 2), (), None),
   'split': ['', ' AB'],
   'sub': ('<Ab> AB', 1)}),
 ('a(?s:.)b',
  'a\nb',
  0,
  {'findall': ['a\nb'],
   'full': (0, 3),
   'match': (0, 3),
   'search': ((0, 3), (), None),
   'split': ['', ''],
   'sub': ('<a\nb>', 1)}),
 ('(?m)^x',
  'a\nx',
  0,
  {'findall': ['x'],
   'full': None,
   'match': None,
   'search': ((2, 3), (), None),
   'split': ['a\n', ''],
   'sub': ('a\n<x>', 1)}),
 ('a  b # comment\n c',
  'abc',
  64,
  {'findall': ['abc'],
   'full': (0, 3),
   'match': (0, 3),
   'search': ((0, 3), (), None),
   'split': ['', ''],
   'sub': ('<abc>', 1)}),
 ('(?x) a b',
  'ab',
  0,
  {'findall': ['ab'],
   'full': (0, 2),
   'match': (0, 2),
   'search': ((0, 2), (), None),
   'split': ['', ''],
   'sub': ('<ab>', 1)}),
 ('a*+a',
  'aaa',
  0,
  {'findall': [],
   'full': None,
   'match': None,
   'search': None,
   'split': ['aaa'],
   'sub': ('aaa', 0)}),
 ('a++b',
  'aaab',
  0,
  {'findall': ['aaab'],
   'full': (0, 4),
   'match': (0, 4),
   'search': ((0, 4), (), None),
   'split': ['', ''],
   'sub': ('<aaab>', 1)}),
 ('a?+a',
  'a',
  0,
  {'findall': [],
   'full': None,
   'match': None,
   'search': None,
   'split': ['a'],
   'sub': ('a', 0)}),
 ('(?>a+)b',
  'aab',
  0,
  {'findall': ['aab'],
   'full': (0, 3),
   'match': (0, 3),
   'search': ((0, 3), (), None),
   'split': ['', ''],
   'sub': ('<aab>', 1)}),
 ('(?>a|ab)c',
  'abc',
  0,
  {'findall': [],
   'full': None,
   'match': None,
   'search': None,
   'split': ['abc'],
   'sub': ('abc', 0)}),
 ('(a)?(?(1)b|c)',
  'ab c',
  0,
  {'findall': ['a', ''],
   'full': None,
   'match': (0, 2),
   'search': ((0, 2), ('a',), 1),
   'split': ['', 'a', ' ', None, ''],
   'sub': ('<ab> <c>', 2)}),
 ('(?P<x>a)?(?(x)b|c)',
  'c',
  0,
  {'findall': [''],
   'full': (0, 1),
   'match': (0, 1),
   'search': ((0, 1), (None,), None),
   'split': ['', None, ''],
   'sub': ('<c>', 1)}),
 ('\\x41\\u00e9\\n',
  'Aé\n',
  0,
  {'findall': ['Aé\n'],
   'full': (0, 3),
   'match': (0, 3),
   'search': ((0, 3), (), None),
   'split': ['', ''],
   'sub': ('<Aé\n>', 1)}),
 ('\\101',
  'A',
  0,
  {'findall': ['A'],
   'full': (0, 1),
   'match': (0, 1),
   'search': ((0, 1), (), None),
   'split': ['', ''],
   'sub': ('<A>', 1)}),
 ('\\0',
  '\x00',
  0,
  {'findall': ['\x00'],
   'full': (0, 1),
   'match': (0, 1),
   'search': ((0, 1), (), None),
   'split': ['', ''],
   'sub': ('<\x00>', 1)}),
 ('[\\d.]+',
  'v1.2.3',
  0,
  {'findall': ['1.2.3'],
   'full': None,
   'match': None,
   'search': ((1, 6), (), None),
   'split': ['v', ''],
   'sub': ('v<1.2.3>', 1)}),
 ('[\\s\\w]+',
  'ab c!',
  0,
  {'findall': ['ab c'],
   'full': None,
   'match': (0, 4),
   'search': ((0, 4), (), None),
   'split': ['', '!'],
   'sub': ('<ab c>!', 1)}),
 ('[^\\W\\d]+',
  '12ab3',
  0,
  {'findall': ['ab'],
   'full': None,
   'match': None,
   'search': ((2, 4), (), None),
   'split': ['12', '3'],
   'sub': ('12<ab>3', 1)}),
 ('(a|ab)(c|bcd)(d*)',
  'abcd',
  0,
  {'findall': [('a', 'bcd', '')],
   'full': (0, 4),
   'match': (0, 4),
   'search': ((0, 4), ('a', 'bcd', ''), 3),
   'split': ['', 'a', 'bcd', '', ''],
   'sub': ('<abcd>', 1)}),
 ('(.*)x(.*)',
  'axbxc',
  0,
  {'findall': [('axb', 'c')],
   'full': (0, 5),
   'match': (0, 5),
   'search': ((0, 5), ('axb', 'c'), 2),
   'split': ['', 'axb', 'c', ''],
   'sub': ('<axbxc>', 1)}),
 ('(.*?)x(.*)',
  'axbxc',
  0,
  {'findall': [('a', 'bxc')],
   'full': (0, 5),
   'match': (0, 5),
   'search': ((0, 5), ('a', 'bxc'), 2),
   'split': ['', 'a', 'bxc', ''],
   'sub': ('<axbxc>', 1)}),
 ('((a)|b)+',
  'ab',
  0,
  {'findall': [('b', 'a')],
   'full': (0, 2),
   'match': (0, 2),
   'search': ((0, 2), ('b', 'a'), 1),
   'split': ['', 'b', 'a', ''],
   'sub': ('<ab>', 1)}),
 ('(a)|(b)',
  'b',
  0,
  {'findall': [('', 'b')],
   'full': (0, 1),
   'match': (0, 1),
   'search': ((0, 1), (None, 'b'), 2),
   'split': ['', None, 'b', ''],
   'sub': ('<b>', 1)}),
 ('((a)b)',
  'ab',
  0,
  {'findall': [('ab', 'a')],
   'full': (0, 2),
   'match': (0, 2),
   'search': ((0, 2), ('ab', 'a'), 1),
   'split': ['', 'ab', 'a', ''],
   'sub': ('<ab>', 1)}),
 ('',
  'abc',
  0,
  {'findall': ['', '', '', ''],
   'full': None,
   'match': (0, 0),
   'search': ((0, 0), (), None),
   'split': ['', 'a', 'b', 'c', ''],
   'sub': ('<>a<>b<>c<>', 4)}),
 ('x*',
  'abxd',
  0,
  {'findall': ['', '', 'x', '', ''],
   'full': None,
   'match': (0, 0),
   'search': ((0, 0), (), None),
   'split': ['', 'a', 'b', '', 'd', ''],
   'sub': ('<>a<>b<x><>d<>', 5)}),
 ('a*?',
  'aa',
  0,
  {'findall': ['', 'a', '', 'a', ''],
   'full': (0, 2),
   'match': (0, 0),
   'search': ((0, 0), (), None),
   'split': ['', '', '', '', '', ''],
   'sub': ('<><a><><a><>', 5)}),
 ('\\b',
  'ab cd',
  0,
  {'findall': ['', '', '', ''],
   'full': None,
   'match': (0, 0),
   'search': ((0, 0), (), None),
   'split': ['', 'ab', ' ', 'cd', ''],
   'sub': ('<>ab<> <>cd<>', 4)}),
 ('.',
  'aé😀',
  0,
  {'findall': ['a', 'é', '😀'],
   'full': None,
   'match': (0, 1),
   'search': ((0, 1), (), None),
   'split': ['', '', '', ''],
   'sub': ('<a><é><😀>', 3)}),
 ('[α-ω]+',
  'abc αβγ',
  0,
  {'findall': ['αβγ'],
   'full': None,
   'match': None,
   'search': ((4, 7), (), None),
   'split': ['abc ', ''],
   'sub': ('abc <αβγ>', 1)}),
 ('Σ',
  'σς',
  2,
  {'findall': ['σ', 'ς'],
   'full': None,
   'match': (0, 1),
   'search': ((0, 1), (), None),
   'split': ['', '', ''],
   'sub': ('<σ><ς>', 2)}),
 ('[^a]',
  '\n',
  0,
  {'findall': ['\n'],
   'full': (0, 1),
   'match': (0, 1),
   'search': ((0, 1), (), None),
   'split': ['', ''],
   'sub': ('<\n>', 1)}),
 ('a|',
  'b',
  0,
  {'findall': ['', ''],
   'full': None,
   'match': (0, 0),
   'search': ((0, 0), (), None),
   'split': ['', 'b', ''],
   'sub': ('<>b<>', 2)}),
 ('(?:a|b)*?c',
  'abac',
  0,
  {'findall': ['abac'],
   'full': (0, 4),
   'match': (0, 4),
   'search': ((0, 4), (), None),
   'split': ['', ''],
   'sub': ('<abac>', 1)}),
 ('(a+|b+)*c',
  'aabbc',
  0,
  {'findall': ['bb'],
   'full': (0, 5),
   'match': (0, 5),
   'search': ((0, 5), ('bb',), 1),
   'split': ['', 'bb', ''],
   'sub': ('<aabbc>', 1)}),
 ('^(\\d{3})-(\\d{4})$',
  '555-1234',
  0,
  {'findall': [('555', '1234')],
   'full': (0, 8),
   'match': (0, 8),
   'search': ((0, 8), ('555', '1234'), 2),
   'split': ['', '555', '1234', ''],
   'sub': ('<555-1234>', 1)}),
 ('\\$\\d+\\.\\d\\d',
  'cost $12.50',
  0,
  {'findall': ['$12.50'],
   'full': None,
   'match': None,
   'search': ((5, 11), (), None),
   'split': ['cost ', ''],
   'sub': ('cost <$12.50>', 1)}),
 ('[\\[\\]]',
  'a[b]',
  0,
  {'findall': ['[', ']'],
   'full': None,
   'match': None,
   'search': ((1, 2), (), None),
   'split': ['a', 'b', ''],
   'sub': ('a<[>b<]>', 2)}),
 ('a\\Z',
  'a\n',
  0,
  {'findall': [],
   'full': None,
   'match': None,
   'search': None,
   'split': ['a\n'],
   'sub': ('a\n', 0)}),
 ('(^)*?((\\1){1,3})',
  'ABaB',
  2,
  {'findall': [('', '', '')],
   'full': None,
   'match': (0, 0),
   'search': ((0, 0), ('', '', ''), 2),
   'split': ['', '', '', '', 'ABaB'],
   'sub': ('<>ABaB', 1)}),
 ('(a|b)*?c',
  'abc',
  0,
  {'findall': ['b'],
   'full': (0, 3),
   'match': (0, 3),
   'search': ((0, 3), ('b',), 1),
   'split': ['', 'b', ''],
   'sub': ('<abc>', 1)}),
 ('(?:ab|cd)+',
  'xabcdab ab',
  0,
  {'findall': ['abcdab', 'ab'],
   'full': None,
   'match': None,
   'search': ((1, 7), (), None),
   'split': ['x', ' ', ''],
   'sub': ('x<abcdab> <ab>', 2)}),
 ('\\N{DIGIT ONE}+',
  'x11',
  0,
  {'findall': ['11'],
   'full': None,
   'match': None,
   'search': ((1, 3), (), None),
   'split': ['x', ''],
   'sub': ('x<11>', 1)}),
 ('[\\1-\\3]',
  '\x02',
  0,
  {'findall': ['\x02'],
   'full': (0, 1),
   'match': (0, 1),
   'search': ((0, 1), (), None),
   'split': ['', ''],
   'sub': ('<\x02>', 1)}),
 ('(?i)straße',
  'STRASSE straße',
  0,
  {'findall': ['straße'],
   'full': None,
   'match': None,
   'search': ((8, 14), (), None),
   'split': ['STRASSE ', ''],
   'sub': ('STRASSE <straße>', 1)}),
 ('a$',
  'a\n',
  0,
  {'findall': ['a'],
   'full': None,
   'match': (0, 1),
   'search': ((0, 1), (), None),
   'split': ['', '\n'],
   'sub': ('<a>\n', 1)}),
 ('$',
  'a\nb\n',
  8,
  {'findall': ['', '', ''],
   'full': None,
   'match': None,
   'search': ((1, 1), (), None),
   'split': ['a', '\nb', '\n', ''],
   'sub': ('a<>\nb<>\n<>', 3)}),
 ('(?s).+',
  'a\nb',
  0,
  {'findall': ['a\nb'],
   'full': (0, 3),
   'match': (0, 3),
   'search': ((0, 3), (), None),
   'split': ['', ''],
   'sub': ('<a\nb>', 1)}),
 ('[A-Za-z_][A-Za-z0-9_]*',
  '9var_1 x',
  0,
  {'findall': ['var_1', 'x'],
   'full': None,
   'match': None,
   'search': ((1, 6), (), None),
   'split': ['9', ' ', ''],
   'sub': ('9<var_1> <x>', 2)}),
 (b'a.c',
  b'abc',
  0,
  {'findall': [b'abc'],
   'full': (0, 3),
   'match': (0, 3),
   'search': ((0, 3), (), None),
   'split': [b'', b''],
   'sub': (b'<abc>', 1)}),
 (b'\\w+',
  b'ab\xe9cd',
  0,
  {'findall': [b'ab', b'cd'],
   'full': None,
   'match': (0, 2),
   'search': ((0, 2), (), None),
   'split': [b'', b'\xe9', b''],
   'sub': (b'<ab>\xe9<cd>', 2)}),
 (b'(\\d+)-(\\d+)',
  b'x 12-34',
  0,
  {'findall': [(b'12', b'34')],
   'full': None,
   'match': None,
   'search': ((2, 7), (b'12', b'34'), 2),
   'split': [b'x ', b'12', b'34', b''],
   'sub': (b'x <12-34>', 1)}),
 (b'[^a]+',
  b'aa\xff\x00a',
  0,
  {'findall': [b'\xff\x00'],
   'full': None,
   'match': None,
   'search': ((2, 4), (), None),
   'split': [b'aa', b'a'],
   'sub': (b'aa<\xff\x00>a', 1)}),
 (b'A',
  b'xa',
  2,
  {'findall': [b'a'],
   'full': None,
   'match': None,
   'search': ((1, 2), (), None),
   'split': [b'x', b''],
   'sub': (b'x<a>', 1)})]
ERRORS = [('(a', 'missing ), unterminated subpattern at position 0', 0),
 ('a)', 'unbalanced parenthesis at position 1', 1),
 ('*', 'nothing to repeat at position 0', 0),
 ('a**', 'multiple repeat at position 2', 2),
 ('[a', 'unterminated character set at position 0', 0),
 ('[z-a]', 'bad character range z-a at position 1', 1),
 ('(?P<n>a)(?P=m)', "unknown group name 'm' at position 12", 12),
 ('\\q', 'bad escape \\q at position 0', 0),
 ('a(?i)b', 'global flags not at the start of the expression at position 1', 1),
 ('(?<=a+)b', 'look-behind requires fixed-width pattern', None),
 ('\\2(a)', 'invalid group reference 2 at position 1', 1),
 ('(?P<n>a)(?P<n>b)',
  "redefinition of group name 'n' as group 2; was group 1 at position 12",
  12),
 ('a{3,2}', 'min repeat greater than max repeat at position 2', 2),
 ('(?', 'unexpected end of pattern at position 2', 2),
 ('(?z)', 'unknown extension ?z at position 1', 1),
 ('+a', 'nothing to repeat at position 0', 0),
 ('a|*', 'nothing to repeat at position 2', 2),
 ('(?P<1a>x)', "bad character in group name '1a' at position 4", 4),
 ('x(?#comment', 'missing ), unterminated comment at position 1', 1),
 ('((a)', 'missing ), unterminated subpattern at position 0', 0),
 ('(?<=a|bc)d', 'look-behind requires fixed-width pattern', None),
 ('\\', 'bad escape (end of pattern) at position 0', 0),
 ('[a-\\d]', 'bad character range a-\\d at position 1', 1),
 ('ab)c', 'unbalanced parenthesis at position 2', 2)]


def _results(p, s, f):
    c = re.compile(p, f)
    m = c.search(s)
    r = {}
    r['search'] = None if m is None else (m.span(), m.groups(), m.lastindex)
    m = c.match(s)
    r['match'] = None if m is None else m.span()
    m = c.fullmatch(s)
    r['full'] = None if m is None else m.span()
    r['findall'] = c.findall(s)
    r['split'] = c.split(s)
    r['sub'] = c.subn(b'<\\g<0>>' if isinstance(p, bytes) else '<\\g<0>>', s)
    return r


class PatternTableTests(unittest.TestCase):
    def test_table(self):
        for p, s, f, expected in DATA:
            got = _results(p, s, f)
            for key in expected:
                with self.subTest(pattern=p, string=s, flags=f, op=key):
                    self.assertEqual(got[key], expected[key])

    def test_errors(self):
        for p, msg, pos in ERRORS:
            with self.subTest(pattern=p):
                with self.assertRaises(re.error) as cm:
                    re.compile(p)
                self.assertEqual(str(cm.exception), msg)
                self.assertEqual(cm.exception.pos, pos)
                if pos is not None:
                    self.assertEqual(cm.exception.pattern, p)


class APITests(unittest.TestCase):
    def test_flags_repr(self):
        self.assertEqual(repr(re.I), 're.IGNORECASE')
        self.assertEqual(repr(re.I | re.M), 're.IGNORECASE|re.MULTILINE')
        self.assertEqual(int(re.I | re.S), 18)
        self.assertEqual(re.NOFLAG, 0)
        self.assertEqual(re.A, 256)
        self.assertEqual(re.X, re.VERBOSE)

    def test_pattern_attrs(self):
        p = re.compile('(?P<a>x)(y)', re.I)
        self.assertEqual(p.pattern, '(?P<a>x)(y)')
        self.assertEqual(p.flags, re.I | re.U)
        self.assertEqual(p.groups, 2)
        self.assertEqual(dict(p.groupindex), {'a': 1})
        self.assertEqual(repr(re.compile('a+', re.IGNORECASE)),
                         "re.compile('a+', re.IGNORECASE)")
        self.assertEqual(repr(re.compile('a+')), "re.compile('a+')")
        self.assertEqual(repr(re.compile(b'a+')), "re.compile(b'a+')")
        self.assertEqual(re.compile(b'a').flags, 0)
        self.assertEqual(re.compile('(?i)a').flags, re.I | re.U)
        self.assertIs(re.compile('abc'), re.compile('abc'))
        self.assertEqual(re.compile('abc'), re.compile('abc'))

    def test_match_object(self):
        m = re.search(r'(?P<w>\w+) (\d+)?', 'x hello 42!')
        self.assertEqual(repr(m), "<re.Match object; span=(0, 2), match='x '>")
        m = re.search(r'(?P<w>[a-z]+) (\d+)', 'x hello 42!')
        self.assertEqual(repr(m), "<re.Match object; span=(2, 10), match='hello 42'>")
        self.assertEqual(m.group(), 'hello 42')
        self.assertEqual(m.group(0, 1, 2), ('hello 42', 'hello', '42'))
        self.assertEqual(m.group('w'), 'hello')
        self.assertEqual(m['w'], 'hello')
        self.assertEqual(m[2], '42')
        self.assertEqual(m.groups(), ('hello', '42'))
        self.assertEqual(m.groupdict(), {'w': 'hello'})
        self.assertEqual(m.start(2), 8)
        self.assertEqual(m.end('w'), 7)
        self.assertEqual(m.span(), (2, 10))
        self.assertEqual(m.lastindex, 2)
        self.assertIsNone(m.lastgroup)
        self.assertEqual(m.pos, 0)
        self.assertEqual(m.endpos, 11)
        self.assertEqual(m.string, 'x hello 42!')
        self.assertIs(m.re, re.compile(r'(?P<w>[a-z]+) (\d+)'))
        self.assertEqual(m.expand(r'\2-\g<w>-\g<0>'), '42-hello-hello 42')
        with self.assertRaises(IndexError):
            m.group(3)
        with self.assertRaises(IndexError):
            m.group('nope')
        m = re.match('(a)|(b)', 'b')
        self.assertEqual(m.groups(), (None, 'b'))
        self.assertEqual(m.groups('-'), ('-', 'b'))
        self.assertEqual(m.span(1), (-1, -1))
        m = re.match('(?P<x>a)(?P<y>b)', 'ab')
        self.assertEqual(m.lastgroup, 'y')

    def test_pos_endpos(self):
        p = re.compile('a')
        self.assertEqual(p.search('aaa', 1).span(), (1, 2))
        self.assertIsNone(p.search('aaa', 1, 1))
        self.assertIsNone(re.compile('^a').search('ba', 1))
        self.assertEqual(re.compile('a$').search('aab', 0, 2).span(), (1, 2))
        self.assertEqual(p.match('ba', 1).span(), (1, 2))
        self.assertEqual(p.findall('aaaa', 1, 3), ['a', 'a'])

    def test_sub(self):
        self.assertEqual(re.sub(r'(\w+) (\w+)', r'\2 \1', 'hello world'), 'world hello')
        self.assertEqual(re.sub('a', 'b', 'aaa', count=2), 'bba')
        self.assertEqual(re.subn('a', 'b', 'aaa'), ('bbb', 3))
        self.assertEqual(re.sub(r'\d', lambda m: str(int(m.group()) * 2), 'a1b2'), 'a2b4')
        self.assertEqual(re.sub('x', r'\n', 'axb'), 'a\nb')
        self.assertEqual(re.sub('(?P<n>b)', r'[\g<n>]', 'abc'), 'a[b]c')
        self.assertEqual(re.sub(b'b', b'\\\\', b'abc'), b'a\\c')
        self.assertEqual(re.sub('x*', '-', 'abxd'), '-a-b--d-')
        with self.assertRaises(re.error):
            re.sub('a', r'\q', 'a')
        with self.assertRaises(re.error):
            re.sub('(a)', r'\2', 'a')

    def test_split(self):
        self.assertEqual(re.split(r'\W+', 'Words, words, words.'),
                         ['Words', 'words', 'words', ''])
        self.assertEqual(re.split(r'(\W+)', 'Words, words.'),
                         ['Words', ', ', 'words', '.', ''])
        self.assertEqual(re.split(r'\W+', 'Words, words, words.', maxsplit=1),
                         ['Words', 'words, words.'])
        self.assertEqual(re.split('[a-f]+', '0a3B9', flags=re.IGNORECASE), ['0', '3', '9'])

    def test_finditer(self):
        it = re.finditer(r'\d+', 'a1bb22ccc333')
        self.assertEqual([m.span() for m in it], [(1, 2), (4, 6), (9, 12)])

    def test_escape(self):
        self.assertEqual(re.escape('a.b-c d#'), 'a\\.b\\-c\\ d\\#')
        self.assertEqual(re.escape(b'1+1=2'), b'1\\+1=2')
        self.assertEqual(re.escape('héllo_1'), 'héllo_1')

    def test_type_errors(self):
        with self.assertRaises(TypeError):
            re.search('a', b'a')
        with self.assertRaises(TypeError):
            re.search(b'a', 'a')
        with self.assertRaises(ValueError):
            re.compile(re.compile('a'), re.I)

    def test_purge(self):
        re.purge()
        self.assertEqual(re.match('a', 'a').group(), 'a')

    def test_long_input(self):
        s = 'ab' * 5000 + 'c'
        self.assertEqual(re.search(r'[ab]*c', s).span(), (0, 10001))
        self.assertEqual(re.search(r'.*?c', s).end(), 10001)
        self.assertEqual(len(re.findall('ab', s)), 5000)

    def test_repeated_group_capture(self):
        m = re.match('(ab)*', 'ab' * 3000)
        self.assertEqual(m.span(), (0, 6000))
        self.assertEqual(m.span(1), (5998, 6000))
        self.assertEqual(re.match('(a|b)*c', 'abbac').groups(), ('a',))
        self.assertEqual(re.match('(?:(a)|(b))+', 'ab').groups(), ('a', 'b'))

    def test_unicode_and_bytes(self):
        self.assertEqual(re.findall(r'\w+', 'naïve café'), ['naïve', 'café'])
        self.assertEqual(re.findall(r'\w+', 'naïve café', re.ASCII), ['na', 've', 'caf'])
        self.assertEqual(re.findall(rb'\w+', b'na\xefve'), [b'na', b've'])
        self.assertEqual(re.search('É', 'café', re.I).span(), (3, 4))
        self.assertEqual(re.findall(r'\d', '٣3'), ['٣', '3'])
        self.assertEqual(re.findall(r'\d', '٣3', re.A), ['3'])
        self.assertEqual(re.match(rb'(\d+)', b'123x').group(1), b'123')
        self.assertEqual(re.sub(rb'(a)', rb'<\1>', bytearray(b'cab')), b'c<a>b')

    def test_error_attributes(self):
        with self.assertRaises(re.error) as cm:
            re.compile('ab\n(c')
        e = cm.exception
        self.assertEqual(e.msg, 'missing ), unterminated subpattern')
        self.assertEqual(e.pos, 3)
        self.assertEqual(e.lineno, 2)
        self.assertEqual(e.colno, 1)
        self.assertEqual(str(e), 'missing ), unterminated subpattern at position 3 '
                         '(line 2, column 1)')


# re.DEBUG parse trees, captured from CPython 3.13 (the part before the first blank line:
# CPython then disassembles its own bytecode, which Braid's engine does not have).
DEBUG_TREES = [
        ('a|b',
         'IN\n  LITERAL 97\n  LITERAL 98\n'),
        ('ab|cd',
         'BRANCH\n  LITERAL 97\n  LITERAL 98\nOR\n  LITERAL 99\n  LITERAL 100\n'),
        ('(a)(?P<n>b)',
         'SUBPATTERN 1 0 0\n  LITERAL 97\nSUBPATTERN 2 0 0\n  LITERAL 98\n'),
        ('a*b+?c{2,3}',
         ('MAX_REPEAT 0 MAXREPEAT\n  LITERAL 97\nMIN_REPEAT 1 MAXREPEAT\n  LITERAL 98\n'
          'MAX_REPEAT 2 3\n  LITERAL 99\n')),
        ('[^a-z0-9_]',
         'IN\n  NEGATE None\n  RANGE (97, 122)\n  RANGE (48, 57)\n  LITERAL 95\n'),
        ('\\d\\W',
         'IN\n  CATEGORY CATEGORY_DIGIT\nIN\n  CATEGORY CATEGORY_NOT_WORD\n'),
        ('^\\bx\\B\\A\\Z$',
         ('AT AT_BEGINNING\nAT AT_BOUNDARY\nLITERAL 120\nAT AT_NON_BOUNDARY\n'
          'AT AT_BEGINNING_STRING\nAT AT_END_STRING\nAT AT_END\n')),
        ('(?s).',
         'ANY None\n'),
        ('(?i:a)(?-i:b)(?x: c)',
         ('SUBPATTERN None 2 0\n  LITERAL 97\nSUBPATTERN None 0 2\n  LITERAL 98\n'
          'SUBPATTERN None 64 0\n  LITERAL 99\n')),
        ('(?=a)(?!b)(?<=c)(?<!d)',
         ('ASSERT 1\n  LITERAL 97\nASSERT_NOT 1\n  LITERAL 98\nASSERT -1\n  LITERAL 99\n'
          'ASSERT_NOT -1\n  LITERAL 100\n')),
        ('(a)\\1',
         'SUBPATTERN 1 0 0\n  LITERAL 97\nGROUPREF 1\n'),
        ('(?>a)b++',
         'ATOMIC_GROUP\n  LITERAL 97\nPOSSESSIVE_REPEAT 1 MAXREPEAT\n  LITERAL 98\n'),
        ('(?:ab)*',
         'MAX_REPEAT 0 MAXREPEAT\n  LITERAL 97\n  LITERAL 98\n'),
        ('(a)(?(1)b|c)',
         'SUBPATTERN 1 0 0\n  LITERAL 97\nGROUPREF_EXISTS 1\n  LITERAL 98\nELSE\n  LITERAL 99\n'),
        ('[a][^b][aa]',
         'LITERAL 97\nNOT_LITERAL 98\nLITERAL 97\n'),
        ('ab|ac',
         'LITERAL 97\nIN\n  LITERAL 98\n  LITERAL 99\n'),
        ('a|a',
         'LITERAL 97\nBRANCH\nOR\n'),
        ('(?:a|b|cd)',
         'BRANCH\n  LITERAL 97\nOR\n  LITERAL 98\nOR\n  LITERAL 99\n  LITERAL 100\n'),
        ('x|[a-c]|\\d',
         'IN\n  LITERAL 120\n  RANGE (97, 99)\n  CATEGORY CATEGORY_DIGIT\n'),
        ('a|[^b]',
         'BRANCH\n  LITERAL 97\nOR\n  NOT_LITERAL 98\n'),
        ('(?:a*)+?',
         'MIN_REPEAT 1 MAXREPEAT\n  MAX_REPEAT 0 MAXREPEAT\n    LITERAL 97\n'),
        ('(?P<x>a|b)(?P=x)',
         'SUBPATTERN 1 0 0\n  IN\n    LITERAL 97\n    LITERAL 98\nGROUPREF 1\n'),
        ('é',
         'LITERAL 233\n'),
        (b'[\\x00-\\x7f]|\\n',
         'IN\n  RANGE (0, 127)\n  LITERAL 10\n'),
]


def debug_output(pattern, flags=0):
    """Return the lines re.compile(pattern, re.DEBUG | flags) prints before the first empty
    line (or the end)."""
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        re.compile(pattern, re.DEBUG | flags)
    tree = []
    for line in buf.getvalue().split('\n'):
        if not line:
            break
        tree.append(line + '\n')
    return ''.join(tree)


class FlagsAndDebugTests(unittest.TestCase):
    def test_pattern_flags_are_plain_int(self):
        cases = [('a', 0, 32), (b'a', 0, 0), ('(?i)a', 0, 34), ('a', re.I | re.M, 42),
                 ('a', re.A, 256), (b'(?L)a', 0, 4), ('(?x)a', 0, 96)]
        for pattern, flags, expected in cases:
            with self.subTest(pattern=pattern, flags=flags):
                value = re.compile(pattern, flags).flags
                self.assertIs(type(value), int)
                self.assertEqual(value, expected)
        self.assertIsInstance(re.IGNORECASE, re.RegexFlag)
        self.assertIsInstance(re.I | re.M, re.RegexFlag)

    def test_debug_parse_tree(self):
        for pattern, expected in DEBUG_TREES:
            with self.subTest(pattern=pattern):
                self.assertEqual(debug_output(pattern), expected)

    def test_debug_empty_pattern_prints_no_tree(self):
        self.assertEqual(debug_output(''), '')

    def test_debug_compiles_every_time(self):
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            p = re.compile('xyz', re.DEBUG)
            q = re.compile('xyz', re.DEBUG)
        self.assertEqual(buf.getvalue().count('LITERAL 120'), 2)
        self.assertEqual(p.flags, 160)
        self.assertIs(type(p.flags), int)
        self.assertEqual(repr(p), "re.compile('xyz', re.DEBUG)")
        self.assertTrue(q.match('xyz'))

    def test_debug_errors_print_nothing(self):
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            with self.assertRaises(re.error):
                re.compile('a(b', re.DEBUG)
        self.assertEqual(buf.getvalue(), '')

    def test_debug_scoped_flags_still_match(self):
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            p = re.compile('(?i:a)b(?<=(?i:B))', re.DEBUG)
        self.assertTrue(p.match('Ab'))
        self.assertIsNone(p.match('AB'))


class ParserCornerTests(unittest.TestCase):
    def assertPatternError(self, pattern, msg, pos):
        with self.subTest(pattern=pattern):
            with self.assertRaises(re.error) as cm:
                re.compile(pattern)
            self.assertEqual((cm.exception.msg, cm.exception.pos), (msg, pos))

    def test_parenthesized_anchor_may_be_repeated(self):
        cases = [('(?:^)*', 'ab', [(0, 0), (1, 1), (2, 2)]),
                 ('(?i:^)*a', 'ab', [(0, 1)]),
                 ('(?:)*b', 'ab', [(1, 2)]),
                 (r'(?:\b)+', 'ab a', [(0, 0), (2, 2), (3, 3), (4, 4)]),
                 ('(?:$|a)*b', 'aab', [(0, 3)])]
        for pattern, text, spans in cases:
            with self.subTest(pattern=pattern):
                self.assertEqual([m.span() for m in re.finditer(pattern, text)], spans)

    def test_bare_anchor_is_nothing_to_repeat(self):
        for pattern, pos in [('^*', 1), ('a$+', 2), (r'\b{2}', 2)]:
            self.assertPatternError(pattern, 'nothing to repeat', pos)

    def test_quantifier_after_comment_applies_to_previous_item(self):
        self.assertEqual(re.fullmatch('ab(?#note)?', 'a').span(), (0, 1))
        self.assertEqual(re.fullmatch('ab(?#note){2}', 'abb').span(), (0, 3))
        for pattern, msg, pos in [('(?#c)*', 'nothing to repeat', 5),
                                  ('a*(?#c)+', 'multiple repeat', 7)]:
            self.assertPatternError(pattern, msg, pos)

    def test_conditional_may_refer_to_a_later_group(self):
        self.assertEqual([m.span() for m in re.finditer('(?(1)a|b)(x)', 'bxaxb')], [(0, 2)])
        self.assertEqual(re.search('(?(1)(a)|b)', 'xab').span(), (2, 3))
        for pattern, msg, pos in [('(?(1)a)', 'invalid group reference 1', 3),
                                  ('(?(2)a|b)(x)', 'invalid group reference 2', 3),
                                  ('(?(1)a|b)*x*(?#c)*', 'multiple repeat', 17)]:
            self.assertPatternError(pattern, msg, pos)

    def test_backreference_in_lookbehind(self):
        self.assertEqual([m.span() for m in re.finditer(r'(a)(?<=\1)', 'aab')],
                         [(0, 1), (1, 2)])
        self.assertEqual([m.span() for m in re.finditer('(?P<n>a)(?<=(?P=n))', 'aab')],
                         [(0, 1), (1, 2)])
        self.assertEqual(re.search(r'(?<=a(b))(?<=\1)', 'aab').span(), (3, 3))
        same = 'cannot refer to group defined in the same lookbehind subpattern'
        for pattern, msg, pos in [(r'(?<=(a)\1)', same, 9),
                                  ('(?<=(a)(?(1)a|b))', same, 12),
                                  ('(?<=(?P<n>a)(?P=n))', same, 18),
                                  ('(?<=(?(1)a|b))(a)', 'cannot refer to an open group', 9)]:
            self.assertPatternError(pattern, msg, pos)

    def test_variable_lookbehind_reported_after_parsing(self):
        with self.assertRaises(re.error) as cm:
            re.compile('(?<=a*)b')
        self.assertEqual(cm.exception.msg, 'look-behind requires fixed-width pattern')
        with self.assertRaises(re.error) as cm:
            re.compile('(?<=a*)b(?P=x)')
        self.assertEqual(cm.exception.msg, "unknown group name 'x'")

    def test_ignorecase_equivalence_classes(self):
        classes = ['iI\u0130\u0131', 'kK\u212a', 'sS\u017f', '\u0390\u1fd3', '\u03b0\u1fe3',
                   '\ufb05\ufb06', '\u03b8\u0398\u03d1\u03f4']
        for cls in classes:
            for a in cls:
                for b in cls:
                    with self.subTest(a=a, b=b):
                        self.assertTrue(re.fullmatch(a, b, re.I))
                        self.assertTrue(re.fullmatch('[%s]' % a, b, re.I))
        self.assertIsNone(re.fullmatch('\u0131', 'i', re.I | re.A))
        self.assertIsNone(re.fullmatch('\ufb05', 'st', re.I))

    def test_future_warnings_for_set_syntax(self):
        cases = [('[[a]', ['Possible nested set at position 1']),
                 ('[a&&b]', ['Possible set intersection at position 2']),
                 ('[a~~b]', ['Possible set symmetric difference at position 2']),
                 ('[a||b]', ['Possible set union at position 2']),
                 ('[a&&&b]', ['Possible set intersection at position 2',
                              'Possible set intersection at position 3']),
                 (b'[[]', ['Possible nested set at position 1']),
                 ('[^[]', []), ('[a[]', []), ('[--a]', []), ('[&&]', []), (r'[\&&]', [])]
        for pattern, messages in cases:
            with self.subTest(pattern=pattern):
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter('always')
                    re.compile(pattern)
                self.assertEqual([str(w.message) for w in caught], messages)
                for w in caught:
                    self.assertIs(w.category, FutureWarning)
                    self.assertEqual(w.filename, __file__)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter('always')
            with self.assertRaises(re.error):
                re.compile('[a--b]')
        self.assertEqual([str(w.message) for w in caught],
                         ['Possible set difference at position 2'])

if __name__ == "__main__":
    unittest.main()

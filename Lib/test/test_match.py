"""Tests for the match statement (PEP 634): every pattern kind, guards and captures."""

import unittest


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Color:
    RED = "red"
    GREEN = "green"


def describe(value):
    match value:
        case None:
            return "none"
        case True:
            return "true"
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 1.5 | 2.5:
            return "half"
        case 1 + 2j:
            return "complex"
        case "hello":
            return "greeting"
        case Color.RED:
            return "red"
        case []:
            return "empty list"
        case [x]:
            return ("one", x)
        case [x, y]:
            return ("two", x, y)
        case [first, *rest] if len(rest) > 3:
            return ("long", first, len(rest))
        case [first, *_, last]:
            return ("many", first, last)
        case {"kind": "circle", "r": r}:
            return ("circle", r)
        case {"kind": kind, **extra}:
            return ("mapping", kind, extra)
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return ("on y axis", y)
        case Point(x, y) if x == y:
            return ("diagonal", x)
        case Point():
            return "point"
        case int(n) | float(n) if n > 100:
            return ("big", n)
        case str() as s:
            return ("string", s)
        case _:
            return "other"


class LiteralPatternTests(unittest.TestCase):

    def test_singletons(self):
        self.assertEqual(describe(None), "none")
        self.assertEqual(describe(True), "true")

    def test_singleton_uses_identity(self):
        self.assertEqual(describe(1), "other")    # 1 == True but 1 is not True

    def test_numbers(self):
        self.assertEqual(describe(0), "zero")
        self.assertEqual(describe(-1), "minus one")
        self.assertEqual(describe(2.5), "half")
        self.assertEqual(describe(1 + 2j), "complex")
        self.assertEqual(describe(0.0), "zero")

    def test_string(self):
        self.assertEqual(describe("hello"), "greeting")

    def test_value_pattern(self):
        self.assertEqual(describe("red"), "red")


class SequencePatternTests(unittest.TestCase):

    def test_lengths(self):
        self.assertEqual(describe([]), "empty list")
        self.assertEqual(describe([7]), ("one", 7))
        self.assertEqual(describe((1, 2)), ("two", 1, 2))
        self.assertEqual(describe([1, 2, 3]), ("many", 1, 3))

    def test_star_with_guard(self):
        self.assertEqual(describe(list(range(6))), ("long", 0, 5))

    def test_strings_are_not_sequences(self):
        self.assertEqual(describe("ab"), ("string", "ab"))

    def test_star_capture_is_list(self):
        match (1, 2, 3):
            case [a, *rest]:
                pass
        self.assertEqual(rest, [2, 3])
        self.assertEqual(a, 1)

    def test_nested_sequences(self):
        match [(1, 2), [3, [4]]]:
            case [(a, b), [c, [d]]]:
                result = a + b + c + d
        self.assertEqual(result, 10)

    def test_iterators_not_matched(self):
        match iter([1]):
            case [x]:
                matched = True
            case _:
                matched = False
        self.assertFalse(matched)


class MappingPatternTests(unittest.TestCase):

    def test_keys(self):
        self.assertEqual(describe({"kind": "circle", "r": 2}), ("circle", 2))

    def test_rest(self):
        self.assertEqual(describe({"kind": "square", "side": 3}),
                         ("mapping", "square", {"side": 3}))

    def test_extra_keys_allowed(self):
        match {"a": 1, "b": 2}:
            case {"a": 1}:
                ok = True
        self.assertTrue(ok)

    def test_empty_mapping_pattern(self):
        match {"x": 1}:
            case {}:
                ok = "mapping"
        self.assertEqual(ok, "mapping")

    def test_missing_key(self):
        match {"a": 1}:
            case {"b": _}:
                result = "b"
            case _:
                result = "none"
        self.assertEqual(result, "none")

    def test_rest_is_a_copy(self):
        d = {"a": 1, "b": 2}
        match d:
            case {"a": _, **rest}:
                pass
        self.assertEqual(rest, {"b": 2})
        self.assertEqual(d, {"a": 1, "b": 2})


class ClassPatternTests(unittest.TestCase):

    def test_keyword_patterns(self):
        self.assertEqual(describe(Point(0, 0)), "origin")

    def test_positional_patterns(self):
        self.assertEqual(describe(Point(0, 5)), ("on y axis", 5))

    def test_guard(self):
        self.assertEqual(describe(Point(3, 3)), ("diagonal", 3))
        self.assertEqual(describe(Point(3, 4)), "point")

    def test_builtin_class_self_match(self):
        self.assertEqual(describe(1000), ("big", 1000))
        self.assertEqual(describe(1000.5), ("big", 1000.5))
        self.assertEqual(describe(50), "other")

    def test_too_many_positional(self):
        with self.assertRaises(TypeError):
            match Point(1, 2):
                case Point(1, 2, 3):
                    pass

    def test_missing_attribute_fails_match(self):
        match Point(1, 2):
            case Point(z=1):
                result = "z"
            case _:
                result = "no"
        self.assertEqual(result, "no")


class CaptureAndGuardTests(unittest.TestCase):

    def test_as_pattern(self):
        match [1, 2]:
            case [1, _] as whole:
                pass
        self.assertEqual(whole, [1, 2])

    def test_or_pattern_binds(self):
        for value, expected in (([1, "a"], "a"), ((2, "b"), "b")):
            match value:
                case [1, x] | [2, x]:
                    got = x
            self.assertEqual(got, expected)

    def test_guard_sees_captures(self):
        match 5:
            case n if n > 3:
                result = n * 2
        self.assertEqual(result, 10)

    def test_guard_false_falls_through(self):
        match 5:
            case n if n > 10:
                result = "big"
            case n:
                result = "small"
        self.assertEqual(result, "small")

    def test_no_case_matches(self):
        result = "unchanged"
        match 3:
            case 1:
                result = "one"
        self.assertEqual(result, "unchanged")

    def test_subject_evaluated_once(self):
        calls = []
        def subject():
            calls.append(1)
            return 2
        match subject():
            case 1:
                pass
            case 2:
                pass
        self.assertEqual(len(calls), 1)

    def test_match_in_loop_with_break(self):
        seen = []
        for item in [1, 2, "stop", 3]:
            match item:
                case "stop":
                    break
                case n:
                    seen.append(n)
        self.assertEqual(seen, [1, 2])

    def test_soft_keywords_as_names(self):
        match = [1]
        case = 2
        self.assertEqual((match, case), ([1], 2))


if __name__ == "__main__":
    unittest.main()

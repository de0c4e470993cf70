"""The outcomes unittest reports for each way a test can end, and the counts of the test
runner (Lib/test/__main__.py) built on them: a skipped test or an expected failure never
counts as passed."""

import unittest

from test.__main__ import CountingResult


def sample_cases():
    """The sample test classes, made here so that the loader does not collect them."""
    class Sample(unittest.TestCase):
        def test_passes(self):
            pass

        def test_skips_inside(self):
            self.skipTest("skipped from the body")

        @unittest.skip("skipped by decorator")
        def test_skipped_by_decorator(self):
            pass

        def test_fails(self):
            self.fail("boom")

        def test_errors(self):
            raise ValueError("boom")

        @unittest.expectedFailure
        def test_expected_failure(self):
            self.assertEqual(1, 2)

        @unittest.expectedFailure
        def test_unexpected_success(self):
            pass

        def test_subtests_one_fails(self):
            for i in range(3):
                with self.subTest(i=i):
                    self.assertNotEqual(i, 1)


    class SkipInSetUp(unittest.TestCase):
        def setUp(self):
            self.skipTest("skipped from setUp")

        def test_never_runs(self):
            raise AssertionError("setUp skipped: the body must not run")

    return Sample, SkipInSetUp


# Kept in a dict, out of the loader's sight.
CASES = dict(zip(("Sample", "SkipInSetUp"), sample_cases()))


def run(*names, case="Sample"):
    case = CASES[case]
    suite = unittest.TestSuite(case(name) for name in names)
    result = unittest.TestResult()
    suite.run(result)
    return result


def run_counting(*names, case="Sample"):
    case = CASES[case]
    import io
    suite = unittest.TestSuite(case(name) for name in names)
    runner = unittest.TextTestRunner(stream=io.StringIO(), resultclass=CountingResult,
                                     verbosity=0)
    return runner.run(suite)


class OutcomeTests(unittest.TestCase):
    def test_skip_inside_body_is_only_a_skip(self):
        result = run("test_skips_inside")
        self.assertEqual(result.testsRun, 1)
        self.assertEqual([reason for _, reason in result.skipped], ["skipped from the body"])
        self.assertTrue(result.wasSuccessful())

    def test_skip_in_setup_skips_the_test(self):
        result = run("test_never_runs", case="SkipInSetUp")
        self.assertEqual(len(result.skipped), 1)
        self.assertEqual(result.failures, [])
        self.assertEqual(result.errors, [])

    def test_failure_error_and_expected_failure(self):
        result = run("test_fails", "test_errors", "test_expected_failure",
                     "test_unexpected_success")
        self.assertEqual(len(result.failures), 1)
        self.assertEqual(len(result.errors), 1)
        self.assertEqual(len(result.expectedFailures), 1)
        self.assertEqual(len(result.unexpectedSuccesses), 1)
        self.assertFalse(result.wasSuccessful())

    def test_failing_subtest_fails_the_test(self):
        result = run("test_subtests_one_fails")
        self.assertEqual(len(result.failures), 1)
        self.assertIn("i=1", str(result.failures[0][0]))


class CountingTests(unittest.TestCase):
    def test_counts(self):
        result = run_counting("test_passes", "test_skips_inside", "test_skipped_by_decorator",
                              "test_fails", "test_errors", "test_expected_failure",
                              "test_unexpected_success", "test_subtests_one_fails")
        self.assertEqual(result.passed, 1)
        self.assertEqual(len(result.skipped), 2)
        self.assertEqual(result.xfailed, 1)
        # fails, errors, unexpected success, failing subtest
        self.assertEqual(len(result.failed_ids), 4)

    def test_skip_in_setup_is_not_counted_as_passed(self):
        result = run_counting("test_never_runs", case="SkipInSetUp")
        self.assertEqual(result.passed, 0)
        self.assertEqual(len(result.skipped), 1)


if __name__ == "__main__":
    unittest.main()

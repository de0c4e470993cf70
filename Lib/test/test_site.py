"""Tests for site: .pth files, site directories and the user site."""

import os
import shutil
import sys
import tempfile
import unittest

import site


class PthFileTests(unittest.TestCase):

    def setUp(self):
        self.saved_path = sys.path[:]
        self.sitedir = tempfile.mkdtemp(prefix='braid_site_')
        self.addCleanup(shutil.rmtree, self.sitedir, True)
        os.mkdir(os.path.join(self.sitedir, 'extra_dir'))
        os.mkdir(os.path.join(self.sitedir, 'second'))

    def tearDown(self):
        sys.path[:] = self.saved_path
        sys.modules.pop('braid_site_marker', None)

    def write_pth(self, name, text):
        with open(os.path.join(self.sitedir, name), 'w') as f:
            f.write(text)

    def test_addsitedir_processes_pth_files(self):
        self.write_pth('a.pth', '# a comment\n\nextra_dir\nmissing_dir\n')
        self.write_pth('b.pth', 'import sys; sys.braid_site_marker = 1\nsecond\n')
        self.write_pth('.hidden.pth', 'never\n')
        try:
            site.addsitedir(self.sitedir)
            self.assertIn(self.sitedir, sys.path)
            extra = os.path.join(self.sitedir, 'extra_dir')
            second = os.path.join(self.sitedir, 'second')
            self.assertIn(extra, sys.path)
            self.assertIn(second, sys.path)
            self.assertLess(sys.path.index(extra), sys.path.index(second))
            self.assertNotIn(os.path.join(self.sitedir, 'missing_dir'), sys.path)
            self.assertEqual(sys.braid_site_marker, 1)
        finally:
            if hasattr(sys, 'braid_site_marker'):
                del sys.braid_site_marker

    def test_known_paths_prevent_duplicates(self):
        self.write_pth('a.pth', 'extra_dir\nextra_dir\n')
        known = site.addsitedir(self.sitedir, set())
        extra = os.path.join(self.sitedir, 'extra_dir')
        self.assertEqual(sys.path.count(extra), 1)
        self.assertIn(os.path.normcase(extra), known)

    def test_addpackage_error_reports_and_continues(self):
        self.write_pth('bad.pth', 'import no_such_module_for_site_test\nextra_dir\n')
        stderr = sys.stderr
        import io
        sys.stderr = captured = io.StringIO()
        try:
            site.addpackage(self.sitedir, 'bad.pth', set())
        finally:
            sys.stderr = stderr
        self.assertIn('Error processing line 1', captured.getvalue())
        self.assertIn('Remainder of file ignored', captured.getvalue())
        self.assertNotIn(os.path.join(self.sitedir, 'extra_dir'), sys.path)


class HelperTests(unittest.TestCase):

    def test_makepath(self):
        path, case = site.makepath('a', 'b')
        self.assertEqual(path, os.path.abspath(os.path.join('a', 'b')))
        self.assertEqual(case, os.path.normcase(path))

    def test_removeduppaths(self):
        saved = sys.path[:]
        try:
            sys.path[:] = [saved[-1], saved[-1], '.']
            known = site.removeduppaths()
            self.assertEqual(sys.path, [os.path.abspath(saved[-1]), os.getcwd()])
            self.assertEqual(known, {os.path.normcase(p) for p in sys.path})
        finally:
            sys.path[:] = saved

    def test_user_site(self):
        self.assertEqual(site.getuserbase(), site.USER_BASE)
        self.assertEqual(site.getusersitepackages(), site.USER_SITE)
        self.assertTrue(site.USER_SITE.startswith(site.USER_BASE))
        self.assertTrue(site.USER_SITE.endswith('site-packages'))
        self.assertIs(site.check_enableusersite(), not sys.flags.no_user_site)

    def test_getsitepackages(self):
        dirs = site.getsitepackages(['/some/prefix'])
        self.assertTrue(dirs)
        for directory in dirs:
            self.assertTrue(directory.startswith('/some/prefix/'))
            self.assertTrue(directory.endswith('site-packages'))
        self.assertEqual(site.PREFIXES, [sys.prefix, sys.exec_prefix])

    def test_quit_and_exit_exist(self):
        import builtins
        site.setquit()
        self.assertTrue(callable(builtins.exit))
        self.assertTrue(callable(builtins.quit))


if __name__ == '__main__':
    unittest.main()

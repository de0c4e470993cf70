import os
import selectors
import unittest


class FileLike:
    def __init__(self, fd):
        self.fd = fd

    def fileno(self):
        return self.fd


class BaseSelectorTestMixin:
    SELECTOR = None

    def setUp(self):
        self.r, self.w = os.pipe()
        self.sel = self.SELECTOR()

    def tearDown(self):
        self.sel.close()
        os.close(self.r)
        os.close(self.w)

    def test_register(self):
        key = self.sel.register(self.r, selectors.EVENT_READ, "data")
        self.assertIsInstance(key, selectors.SelectorKey)
        self.assertEqual(key, (self.r, self.r, selectors.EVENT_READ, "data"))
        self.assertEqual(self.sel.get_key(self.r), key)
        self.assertRaises(KeyError, self.sel.register, self.r, selectors.EVENT_READ)
        self.assertRaises(ValueError, self.sel.register, self.w, 0)
        self.assertRaises(ValueError, self.sel.register, self.w, 4)
        self.assertRaises(ValueError, self.sel.register, -1, selectors.EVENT_READ)
        self.assertRaises(ValueError, self.sel.register, object(), selectors.EVENT_READ)

    def test_fileobj(self):
        f = FileLike(self.r)
        key = self.sel.register(f, selectors.EVENT_READ)
        self.assertIs(key.fileobj, f)
        self.assertEqual(key.fd, self.r)
        self.assertIs(self.sel.get_key(self.r), key)

    def test_unregister(self):
        key = self.sel.register(self.r, selectors.EVENT_READ)
        self.assertEqual(self.sel.unregister(self.r), key)
        self.assertRaises(KeyError, self.sel.unregister, self.r)
        self.assertRaises(KeyError, self.sel.get_key, self.r)

    def test_modify(self):
        self.sel.register(self.r, selectors.EVENT_READ, "a")
        key = self.sel.modify(self.r, selectors.EVENT_READ, "b")
        self.assertEqual(key.data, "b")
        key = self.sel.modify(self.r, selectors.EVENT_READ | selectors.EVENT_WRITE)
        self.assertEqual(key.events, selectors.EVENT_READ | selectors.EVENT_WRITE)
        self.assertEqual(self.sel.get_key(self.r), key)
        self.assertRaises(KeyError, self.sel.modify, self.w, selectors.EVENT_READ)

    def test_get_map(self):
        m = self.sel.get_map()
        self.assertEqual(len(m), 0)
        key = self.sel.register(self.r, selectors.EVENT_READ)
        self.assertEqual(len(m), 1)
        self.assertIn(self.r, m)
        self.assertEqual(m[self.r], key)
        self.assertEqual(list(m), [self.r])
        self.assertRaises(KeyError, m.__getitem__, self.w)
        self.assertIsNone(m.get(self.w))

    def test_select(self):
        self.sel.register(self.r, selectors.EVENT_READ, "reader")
        self.sel.register(self.w, selectors.EVENT_WRITE, "writer")
        ready = self.sel.select(0)
        self.assertEqual([(k.data, ev) for k, ev in ready],
                         [("writer", selectors.EVENT_WRITE)])
        os.write(self.w, b"x")
        ready = sorted((k.data, ev) for k, ev in self.sel.select(5))
        self.assertEqual(ready, [("reader", selectors.EVENT_READ),
                                 ("writer", selectors.EVENT_WRITE)])

    def test_select_timeout(self):
        self.sel.register(self.r, selectors.EVENT_READ)
        self.assertEqual(self.sel.select(0.01), [])
        self.assertEqual(self.sel.select(-1), [])

    def test_context_manager(self):
        with self.SELECTOR() as sel:
            sel.register(self.r, selectors.EVENT_READ)
        self.assertIsNone(sel.get_map())
        self.assertRaises(RuntimeError, sel.get_key, self.r)


class SelectSelectorTests(BaseSelectorTestMixin, unittest.TestCase):
    SELECTOR = selectors.SelectSelector


class PollSelectorTests(BaseSelectorTestMixin, unittest.TestCase):
    SELECTOR = selectors.PollSelector


@unittest.skipUnless(hasattr(selectors, "EpollSelector"), "needs epoll")
class EpollSelectorTests(BaseSelectorTestMixin, unittest.TestCase):
    SELECTOR = getattr(selectors, "EpollSelector", None)

    def test_fileno(self):
        self.assertIsInstance(self.sel.fileno(), int)


class DefaultSelectorTests(BaseSelectorTestMixin, unittest.TestCase):
    SELECTOR = selectors.DefaultSelector


class MiscTests(unittest.TestCase):

    def test_events(self):
        self.assertEqual(selectors.EVENT_READ, 1)
        self.assertEqual(selectors.EVENT_WRITE, 2)

    def test_abstract(self):
        self.assertRaises(TypeError, selectors.BaseSelector)
        self.assertTrue(issubclass(selectors.DefaultSelector, selectors.BaseSelector))


if __name__ == "__main__":
    unittest.main()

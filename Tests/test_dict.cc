// GoogleTest tests of the dict internals (Objects/dictobject.c): insertion order, deletion,
// resizing and the keys-object invariants of Include/internal/pycore_dict.h, with many keys.
#include <gtest/gtest.h>

#include <vector>

extern "C" {
#include "Python.h"
#include "pycore_dict.h"
}

namespace {

class DictTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        if (!Py_IsInitialized()) {
            Py_Initialize();
        }
    }
};

// Check the invariants that every dict must keep, whatever happened to it.
void CheckInvariants(PyObject *op)
{
    PyDictObject *mp = reinterpret_cast<PyDictObject *>(op);
    PyDictKeysObject *dk = mp->ma_keys;
    ASSERT_NE(dk, nullptr);
    Py_ssize_t size = DK_SIZE(dk);
    Py_ssize_t usable = (size << 1) / 3;
    // Entries used plus entries still usable never exceed the capacity.
    ASSERT_LE(dk->dk_nentries + dk->dk_usable, usable);
    Py_ssize_t live = 0;
    PyDictKeyEntry *entries = DK_ENTRIES(dk);
    for (Py_ssize_t i = 0; i < dk->dk_nentries; i++) {
        if (entries[i].me_value != nullptr) {
            ASSERT_NE(entries[i].me_key, nullptr);
            live++;
        }
    }
    ASSERT_EQ(live, mp->ma_used);
    // Every live entry is reachable from exactly one index slot, and the slot is on its
    // probe path (a lookup by key finds it).
    Py_ssize_t referenced = 0;
    for (Py_ssize_t i = 0; i < size; i++) {
        Py_ssize_t ix;
        if (dk->dk_log2_size < 8) {
            ix = reinterpret_cast<int8_t *>(dk->dk_indices)[i];
        }
        else if (dk->dk_log2_size < 16) {
            ix = reinterpret_cast<int16_t *>(dk->dk_indices)[i];
        }
        else if (dk->dk_log2_size < 32) {
            ix = reinterpret_cast<int32_t *>(dk->dk_indices)[i];
        }
        else {
            ix = static_cast<Py_ssize_t>(reinterpret_cast<int64_t *>(dk->dk_indices)[i]);
        }
        if (ix >= 0) {
            ASSERT_LT(ix, dk->dk_nentries);
            ASSERT_NE(entries[ix].me_value, nullptr);
            referenced++;
        }
        else {
            ASSERT_TRUE(ix == DKIX_EMPTY || ix == DKIX_DUMMY);
        }
    }
    ASSERT_EQ(referenced, mp->ma_used);
}

PyObject *Int(long v)
{
    return PyLong_FromLong(v);
}

}  // namespace

TEST_F(DictTest, EmptyDict)
{
    PyObject *d = PyDict_New();
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(PyDict_Size(d), 0);
    CheckInvariants(d);
    PyObject *k = Int(1);
    EXPECT_EQ(PyDict_GetItemWithError(d, k), nullptr);
    EXPECT_FALSE(PyErr_Occurred());
    Py_DECREF(k);
    Py_DECREF(d);
}

TEST_F(DictTest, InsertLookupDeleteManyKeys)
{
    const long n = 50000;
    PyObject *d = PyDict_New();
    ASSERT_NE(d, nullptr);
    for (long i = 0; i < n; i++) {
        PyObject *k = Int(i);
        PyObject *v = Int(i * 3);
        ASSERT_EQ(PyDict_SetItem(d, k, v), 0);
        Py_DECREF(k);
        Py_DECREF(v);
        if (i % 9973 == 0) {
            CheckInvariants(d);
        }
    }
    EXPECT_EQ(PyDict_Size(d), n);
    CheckInvariants(d);
    for (long i = 0; i < n; i += 2) {
        PyObject *k = Int(i);
        ASSERT_EQ(PyDict_DelItem(d, k), 0);
        Py_DECREF(k);
    }
    EXPECT_EQ(PyDict_Size(d), n / 2);
    CheckInvariants(d);
    for (long i = 0; i < n; i++) {
        PyObject *k = Int(i);
        PyObject *v = PyDict_GetItemWithError(d, k);
        if (i % 2) {
            ASSERT_NE(v, nullptr);
            EXPECT_EQ(PyLong_AsLong(v), i * 3);
        }
        else {
            EXPECT_EQ(v, nullptr);
            EXPECT_FALSE(PyErr_Occurred());
        }
        Py_DECREF(k);
    }
    Py_DECREF(d);
}

TEST_F(DictTest, InsertionOrderSurvivesResizeAndDeletion)
{
    PyObject *d = PyDict_New();
    std::vector<long> expected;
    for (long i = 0; i < 5000; i++) {
        long key = (i * 7919) % 100003;
        PyObject *k = Int(key);
        ASSERT_EQ(PyDict_SetItem(d, k, Py_None), 0);
        Py_DECREF(k);
        expected.push_back(key);
    }
    // Delete every third key, then re-insert a few: they go to the end.
    std::vector<long> kept;
    for (size_t i = 0; i < expected.size(); i++) {
        if (i % 3 == 0) {
            PyObject *k = Int(expected[i]);
            ASSERT_EQ(PyDict_DelItem(d, k), 0);
            Py_DECREF(k);
        }
        else {
            kept.push_back(expected[i]);
        }
    }
    for (size_t i = 0; i < 30; i += 3) {
        PyObject *k = Int(expected[i]);
        ASSERT_EQ(PyDict_SetItem(d, k, Py_None), 0);
        Py_DECREF(k);
        kept.push_back(expected[i]);
    }
    CheckInvariants(d);
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    size_t idx = 0;
    while (PyDict_Next(d, &pos, &key, &value)) {
        ASSERT_LT(idx, kept.size());
        EXPECT_EQ(PyLong_AsLong(key), kept[idx]);
        idx++;
    }
    EXPECT_EQ(idx, kept.size());
    Py_DECREF(d);
}

TEST_F(DictTest, StringKeysAndPop)
{
    PyObject *d = PyDict_New();
    for (int i = 0; i < 1000; i++) {
        char buf[32];
        snprintf(buf, sizeof buf, "key%d", i);
        PyObject *v = Int(i);
        ASSERT_EQ(PyDict_SetItemString(d, buf, v), 0);
        Py_DECREF(v);
    }
    CheckInvariants(d);
    PyObject *result = nullptr;
    EXPECT_EQ(PyDict_PopString(d, "key500", &result), 1);
    ASSERT_NE(result, nullptr);
    EXPECT_EQ(PyLong_AsLong(result), 500);
    Py_DECREF(result);
    EXPECT_EQ(PyDict_PopString(d, "key500", &result), 0);
    EXPECT_EQ(result, nullptr);
    EXPECT_EQ(PyDict_ContainsString(d, "key499"), 1);
    EXPECT_EQ(PyDict_ContainsString(d, "key500"), 0);
    EXPECT_EQ(PyDict_Size(d), 999);
    CheckInvariants(d);
    Py_DECREF(d);
}

TEST_F(DictTest, CopyClearAndSetDefault)
{
    PyObject *d = PyDict_New();
    for (long i = 0; i < 300; i++) {
        PyObject *k = Int(i);
        ASSERT_EQ(PyDict_SetItem(d, k, k), 0);
        Py_DECREF(k);
    }
    PyObject *c = PyDict_Copy(d);
    ASSERT_NE(c, nullptr);
    CheckInvariants(c);
    EXPECT_EQ(PyObject_RichCompareBool(c, d, Py_EQ), 1);
    PyDict_Clear(d);
    EXPECT_EQ(PyDict_Size(d), 0);
    CheckInvariants(d);
    EXPECT_EQ(PyDict_Size(c), 300);
    PyObject *k = Int(7);
    PyObject *dflt = Int(70);
    PyObject *res = nullptr;
    EXPECT_EQ(PyDict_SetDefaultRef(d, k, dflt, &res), 0);
    EXPECT_EQ(res, dflt);
    Py_XDECREF(res);
    EXPECT_EQ(PyDict_SetDefaultRef(c, k, dflt, &res), 1);
    EXPECT_EQ(PyLong_AsLong(res), 7);
    Py_XDECREF(res);
    Py_DECREF(k);
    Py_DECREF(dflt);
    Py_DECREF(c);
    Py_DECREF(d);
}

TEST_F(DictTest, MergeAndUpdate)
{
    PyObject *a = PyDict_New();
    PyObject *b = PyDict_New();
    for (long i = 0; i < 100; i++) {
        PyObject *k = Int(i);
        PyObject *v = Int(-i);
        ASSERT_EQ(PyDict_SetItem(i < 60 ? a : b, k, v), 0);
        if (i >= 40 && i < 60) {
            ASSERT_EQ(PyDict_SetItem(b, k, k), 0);
        }
        Py_DECREF(k);
        Py_DECREF(v);
    }
    ASSERT_EQ(PyDict_Merge(a, b, 0), 0);  // keep a's values
    EXPECT_EQ(PyDict_Size(a), 100);
    PyObject *k45 = Int(45);
    EXPECT_EQ(PyLong_AsLong(PyDict_GetItemWithError(a, k45)), -45);
    ASSERT_EQ(PyDict_Update(a, b), 0);  // take b's values
    EXPECT_EQ(PyLong_AsLong(PyDict_GetItemWithError(a, k45)), 45);
    Py_DECREF(k45);
    CheckInvariants(a);
    Py_DECREF(a);
    Py_DECREF(b);
}

/* FT_ATOMIC_*: memory accesses that must be atomic in the free-threaded build and are plain
 * loads and stores in the GIL build (where the GIL orders everything).  Use them for fields that
 * are read without the object's lock (DESIGN.md §4, lock-free reads). */
#ifndef Py_INTERNAL_PYATOMIC_FT_WRAPPERS_H
#define Py_INTERNAL_PYATOMIC_FT_WRAPPERS_H

#ifdef Py_GIL_DISABLED
#  define FT_ATOMIC_LOAD_PTR(value) _Py_atomic_load_ptr(&(value))
#  define FT_ATOMIC_LOAD_PTR_ACQUIRE(value) _Py_atomic_load_ptr_acquire(&(value))
#  define FT_ATOMIC_LOAD_PTR_RELAXED(value) _Py_atomic_load_ptr_relaxed(&(value))
#  define FT_ATOMIC_STORE_PTR(value, new_value) _Py_atomic_store_ptr(&(value), (new_value))
#  define FT_ATOMIC_STORE_PTR_RELEASE(value, new_value) _Py_atomic_store_ptr_release(&(value), (new_value))
#  define FT_ATOMIC_STORE_PTR_RELAXED(value, new_value) _Py_atomic_store_ptr_relaxed(&(value), (new_value))
#  define FT_ATOMIC_LOAD_SSIZE(value) _Py_atomic_load_ssize(&(value))
#  define FT_ATOMIC_LOAD_SSIZE_ACQUIRE(value) _Py_atomic_load_ssize_acquire(&(value))
#  define FT_ATOMIC_LOAD_SSIZE_RELAXED(value) _Py_atomic_load_ssize_relaxed(&(value))
#  define FT_ATOMIC_STORE_SSIZE(value, new_value) _Py_atomic_store_ssize(&(value), (new_value))
#  define FT_ATOMIC_STORE_SSIZE_RELAXED(value, new_value) _Py_atomic_store_ssize_relaxed(&(value), (new_value))
#  define FT_ATOMIC_STORE_SSIZE_RELEASE(value, new_value) _Py_atomic_store_ssize_release(&(value), (new_value))
#  define FT_ATOMIC_LOAD_UINT8_RELAXED(value) _Py_atomic_load_uint8_relaxed(&(value))
#  define FT_ATOMIC_LOAD_INT8_RELAXED(value) _Py_atomic_load_int8_relaxed(&(value))
#  define FT_ATOMIC_STORE_INT8_RELAXED(value, new_value) _Py_atomic_store_int8_relaxed(&(value), (new_value))
#  define FT_ATOMIC_STORE_INT8_RELEASE(value, new_value) \
    __atomic_store_n(&(value), (new_value), __ATOMIC_RELEASE)
#  define FT_ATOMIC_STORE_UINT8_RELAXED(value, new_value) _Py_atomic_store_uint8_relaxed(&(value), (new_value))
#  define FT_ATOMIC_LOAD_UINT32_RELAXED(value) _Py_atomic_load_uint32_relaxed(&(value))
#  define FT_ATOMIC_STORE_UINT32_RELAXED(value, new_value) _Py_atomic_store_uint32_relaxed(&(value), (new_value))
#  define FT_ATOMIC_LOAD_UINT_RELAXED(value) _Py_atomic_load_uint_relaxed(&(value))
#  define FT_ATOMIC_STORE_UINT_RELAXED(value, new_value) _Py_atomic_store_uint_relaxed(&(value), (new_value))
#  define FT_ATOMIC_LOAD_INT_RELAXED(value) _Py_atomic_load_int_relaxed(&(value))
#  define FT_ATOMIC_STORE_INT_RELAXED(value, new_value) _Py_atomic_store_int_relaxed(&(value), (new_value))
#  define FT_ATOMIC_LOAD_UINTPTR_ACQUIRE(value) _Py_atomic_load_uintptr_acquire(&(value))
#  define FT_ATOMIC_STORE_UINTPTR_RELEASE(value, new_value) _Py_atomic_store_uintptr_release(&(value), (new_value))
#  define FT_ATOMIC_LOAD_UINTPTR_RELAXED(value) _Py_atomic_load_uintptr_relaxed(&(value))
#  define FT_ATOMIC_STORE_UINTPTR_RELAXED(value, new_value) _Py_atomic_store_uintptr_relaxed(&(value), (new_value))
#  define FT_ATOMIC_ADD_SSIZE(value, new_value) (void)_Py_atomic_add_ssize(&(value), (new_value))
#else
#  define FT_ATOMIC_LOAD_PTR(value) value
#  define FT_ATOMIC_STORE_INT8_RELEASE(value, new_value) value = new_value
#  define FT_ATOMIC_LOAD_PTR_ACQUIRE(value) value
#  define FT_ATOMIC_LOAD_PTR_RELAXED(value) value
#  define FT_ATOMIC_STORE_PTR(value, new_value) value = new_value
#  define FT_ATOMIC_STORE_PTR_RELEASE(value, new_value) value = new_value
#  define FT_ATOMIC_STORE_PTR_RELAXED(value, new_value) value = new_value
#  define FT_ATOMIC_LOAD_SSIZE(value) value
#  define FT_ATOMIC_LOAD_SSIZE_ACQUIRE(value) value
#  define FT_ATOMIC_LOAD_SSIZE_RELAXED(value) value
#  define FT_ATOMIC_STORE_SSIZE(value, new_value) value = new_value
#  define FT_ATOMIC_STORE_SSIZE_RELAXED(value, new_value) value = new_value
#  define FT_ATOMIC_STORE_SSIZE_RELEASE(value, new_value) value = new_value
#  define FT_ATOMIC_LOAD_UINT8_RELAXED(value) value
#  define FT_ATOMIC_LOAD_INT8_RELAXED(value) value
#  define FT_ATOMIC_STORE_INT8_RELAXED(value, new_value) value = new_value
#  define FT_ATOMIC_STORE_UINT8_RELAXED(value, new_value) value = new_value
#  define FT_ATOMIC_LOAD_UINT32_RELAXED(value) value
#  define FT_ATOMIC_STORE_UINT32_RELAXED(value, new_value) value = new_value
#  define FT_ATOMIC_LOAD_UINT_RELAXED(value) value
#  define FT_ATOMIC_STORE_UINT_RELAXED(value, new_value) value = new_value
#  define FT_ATOMIC_LOAD_INT_RELAXED(value) value
#  define FT_ATOMIC_STORE_INT_RELAXED(value, new_value) value = new_value
#  define FT_ATOMIC_LOAD_UINTPTR_ACQUIRE(value) value
#  define FT_ATOMIC_STORE_UINTPTR_RELEASE(value, new_value) value = new_value
#  define FT_ATOMIC_LOAD_UINTPTR_RELAXED(value) value
#  define FT_ATOMIC_STORE_UINTPTR_RELAXED(value, new_value) value = new_value
#  define FT_ATOMIC_ADD_SSIZE(value, new_value) (void)(value += new_value)
#endif

#endif /* Py_INTERNAL_PYATOMIC_FT_WRAPPERS_H */

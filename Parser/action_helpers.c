/* Helpers for building the AST: identifiers, growable lists, assignment targets. */
#include "parser_internal.h"
#include "pycore_unicodeobject.h"   /* _PyUnicode_NFKC */

int
_PyParser_AddObject(Parser *p, PyObject *o)
{
    if (_PyArena_AddPyObject(p->arena, o) < 0) {
        Py_DECREF(o);
        p->fatal = 1;
        return -1;
    }
    return 0;
}

/* Borrowed reference (the arena owns it).  Non-ASCII identifiers are normalised to form
 * NFKC (PEP 3131) with _PyUnicode_NFKC (Objects/unicodenorm.c). */
PyObject *
_PyParser_Identifier(Parser *p, const char *s, Py_ssize_t len)
{
    PyObject *id = PyUnicode_DecodeUTF8(s, len, NULL);
    if (id == NULL) {
        return _PyParser_Fatal(p);
    }
    int ascii = 1;
    for (Py_ssize_t i = 0; i < len; i++) {
        if ((unsigned char)s[i] >= 0x80) {
            ascii = 0;
            break;
        }
    }
    if (!ascii) {
        PyObject *normal = _PyUnicode_NFKC(id);
        Py_DECREF(id);
        if (normal == NULL) {
            return _PyParser_Fatal(p);
        }
        id = normal;
    }
    PyUnicode_InternInPlace(&id);
    if (_PyParser_AddObject(p, id) < 0) {
        return NULL;
    }
    return id;
}

/* Borrowed reference (the arena owns it). */
PyObject *
_PyParser_NewIdentifier(Parser *p, _PyToken *t)
{
    return _PyParser_Identifier(p, t->start, t->end - t->start);
}

void
_PtrList_Init(PtrList *l)
{
    l->items = l->inline_items;
    l->n = 0;
    l->cap = (Py_ssize_t)(sizeof(l->inline_items) / sizeof(l->inline_items[0]));
}

void
_PtrList_Free(PtrList *l)
{
    if (l->items != l->inline_items) {
        PyMem_Free(l->items);
    }
    l->items = l->inline_items;
    l->n = 0;
}

int
_PtrList_Append(Parser *p, PtrList *l, void *item)
{
    if (l->n == l->cap) {
        Py_ssize_t cap = l->cap * 2;
        void **items;
        if (l->items == l->inline_items) {
            items = (void **)PyMem_Malloc((size_t)cap * sizeof(void *));
            if (items != NULL) {
                memcpy(items, l->items, (size_t)l->n * sizeof(void *));
            }
        }
        else {
            items = (void **)PyMem_Realloc(l->items, (size_t)cap * sizeof(void *));
        }
        if (items == NULL) {
            PyErr_NoMemory();
            p->fatal = 1;
            return -1;
        }
        l->items = items;
        l->cap = cap;
    }
    l->items[l->n++] = item;
    return 0;
}

void *
_PyParser_SeqFromList(Parser *p, void **items, Py_ssize_t n)
{
    asdl_generic_seq *seq = _Py_asdl_generic_seq_new(n, p->arena);
    if (seq == NULL) {
        return _PyParser_Fatal(p);
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        seq->typed_elements[i] = items[i];
    }
    return seq;
}

void *
_PtrList_ToSeq(Parser *p, PtrList *l)
{
    void *seq = _PyParser_SeqFromList(p, l->items, l->n);
    _PtrList_Free(l);
    return seq;
}

const char *
_PyParser_ExprName(expr_ty e)
{
    switch (e->kind) {
    case Attribute_kind: return "attribute";
    case Subscript_kind: return "subscript";
    case Starred_kind: return "starred";
    case Name_kind: return "name";
    case List_kind: return "list";
    case Tuple_kind: return "tuple";
    case Lambda_kind: return "lambda";
    case Call_kind: return "function call";
    case BoolOp_kind: case BinOp_kind: case UnaryOp_kind: return "expression";
    case GeneratorExp_kind: return "generator expression";
    case Yield_kind: case YieldFrom_kind: return "yield expression";
    case Await_kind: return "await expression";
    case ListComp_kind: return "list comprehension";
    case SetComp_kind: return "set comprehension";
    case DictComp_kind: return "dict comprehension";
    case Dict_kind: return "dict literal";
    case Set_kind: return "set display";
    case JoinedStr_kind: case FormattedValue_kind: return "f-string expression";
    case Constant_kind: {
        PyObject *v = e->v.Constant.value;
        if (v == Py_None) {
            return "None";
        }
        if (v == Py_True) {
            return "True";
        }
        if (v == Py_False) {
            return "False";
        }
        if (v == Py_Ellipsis) {
            return "ellipsis";
        }
        return "literal";
    }
    case Compare_kind: return "comparison";
    case IfExp_kind: return "conditional expression";
    case NamedExpr_kind: return "named expression";
    default: return "expression";
    }
}

/* Find the first sub-expression of a target that cannot be assigned (or deleted). */
static expr_ty
invalid_target(expr_ty e, expr_context_ty ctx)
{
    switch (e->kind) {
    case Name_kind: case Attribute_kind: case Subscript_kind:
        return NULL;
    case Starred_kind:
        if (ctx == Del) {
            return e;
        }
        return invalid_target(e->v.Starred.value, ctx);
    case Tuple_kind: case List_kind: {
        asdl_expr_seq *elts = e->kind == Tuple_kind ? e->v.Tuple.elts : e->v.List.elts;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(elts); i++) {
            expr_ty bad = invalid_target(asdl_seq_GET(elts, i), ctx);
            if (bad != NULL) {
                return bad;
            }
        }
        return NULL;
    }
    case Compare_kind:
        /* `for x in y` parsed as a comparison: the left side is the culprit. */
        if (ctx == Store && e->v.Compare.ops->typed_elements[0] == In) {
            return invalid_target(e->v.Compare.left, ctx);
        }
        return e;
    default:
        return e;
    }
}

expr_ty
_PyParser_SetContext(Parser *p, expr_ty e, expr_context_ty ctx)
{
    switch (e->kind) {
    case Name_kind:
        e->v.Name.ctx = ctx;
        break;
    case Attribute_kind:
        e->v.Attribute.ctx = ctx;
        break;
    case Subscript_kind:
        e->v.Subscript.ctx = ctx;
        break;
    case Starred_kind:
        e->v.Starred.ctx = ctx;
        _PyParser_SetContext(p, e->v.Starred.value, ctx);
        break;
    case Tuple_kind:
        e->v.Tuple.ctx = ctx;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.Tuple.elts); i++) {
            _PyParser_SetContext(p, asdl_seq_GET(e->v.Tuple.elts, i), ctx);
        }
        break;
    case List_kind:
        e->v.List.ctx = ctx;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.List.elts); i++) {
            _PyParser_SetContext(p, asdl_seq_GET(e->v.List.elts, i), ctx);
        }
        break;
    default:
        break;
    }
    return e;
}

expr_ty
_PyParser_Target(Parser *p, expr_ty e, expr_context_ty ctx, const char *suffix)
{
    expr_ty bad = invalid_target(e, ctx);
    if (bad != NULL) {
        if (bad->kind == Starred_kind && ctx == Del) {
            return _PyParser_ErrorAtNode(p, bad, "cannot delete starred");
        }
        if (!_PyParser_SuggestEquality(bad)) {
            suffix = "";
        }
        return _PyParser_ErrorAtNode(p, bad, "cannot %s %s%s",
                                     ctx == Del ? "delete" : "assign to",
                                     _PyParser_ExprName(bad), suffix);
    }
    return _PyParser_SetContext(p, e, ctx);
}

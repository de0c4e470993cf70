#!/usr/bin/env python3
"""Generate Include/internal/pycore_ast.h and Parser/ast_nodes.c from the node table below.

This is a developer tool: its output is committed and the build never runs it.  The table
lists the nodes of Python 3.13's abstract grammar with CPython's names for types and fields,
because the compiler (and C code written against CPython's AST) depends on them.

Run from the source root:  python3 Parser/asdl_gen.py
"""

# Each entry: (type name, kind, constructors or fields, has_location)
#   kind "sum":     list of (constructor, [fields])
#   kind "product": [fields]
#   kind "enum":    list of names
# A field is "type name", "type? name" (optional) or "type* name" (sequence).
LOC = True
NODES = [
    ("mod", "sum", [
        ("Module", ["stmt* body", "type_ignore* type_ignores"]),
        ("Interactive", ["stmt* body"]),
        ("Expression", ["expr body"]),
        ("FunctionType", ["expr* argtypes", "expr returns"]),
    ], False),
    ("stmt", "sum", [
        ("FunctionDef", ["identifier name", "arguments args", "stmt* body",
                         "expr* decorator_list", "expr? returns", "string? type_comment",
                         "type_param* type_params"]),
        ("AsyncFunctionDef", ["identifier name", "arguments args", "stmt* body",
                              "expr* decorator_list", "expr? returns",
                              "string? type_comment", "type_param* type_params"]),
        ("ClassDef", ["identifier name", "expr* bases", "keyword* keywords", "stmt* body",
                      "expr* decorator_list", "type_param* type_params"]),
        ("Return", ["expr? value"]),
        ("Delete", ["expr* targets"]),
        ("Assign", ["expr* targets", "expr value", "string? type_comment"]),
        ("TypeAlias", ["expr name", "type_param* type_params", "expr value"]),
        ("AugAssign", ["expr target", "operator op", "expr value"]),
        ("AnnAssign", ["expr target", "expr annotation", "expr? value", "int simple"]),
        ("For", ["expr target", "expr iter", "stmt* body", "stmt* orelse",
                 "string? type_comment"]),
        ("AsyncFor", ["expr target", "expr iter", "stmt* body", "stmt* orelse",
                      "string? type_comment"]),
        ("While", ["expr test", "stmt* body", "stmt* orelse"]),
        ("If", ["expr test", "stmt* body", "stmt* orelse"]),
        ("With", ["withitem* items", "stmt* body", "string? type_comment"]),
        ("AsyncWith", ["withitem* items", "stmt* body", "string? type_comment"]),
        ("Match", ["expr subject", "match_case* cases"]),
        ("Raise", ["expr? exc", "expr? cause"]),
        ("Try", ["stmt* body", "excepthandler* handlers", "stmt* orelse", "stmt* finalbody"]),
        ("TryStar", ["stmt* body", "excepthandler* handlers", "stmt* orelse",
                     "stmt* finalbody"]),
        ("Assert", ["expr test", "expr? msg"]),
        ("Import", ["alias* names"]),
        ("ImportFrom", ["identifier? module", "alias* names", "int? level"]),
        ("Global", ["identifier* names"]),
        ("Nonlocal", ["identifier* names"]),
        ("Expr", ["expr value"]),
        ("Pass", []), ("Break", []), ("Continue", []),
    ], LOC),
    ("expr", "sum", [
        ("BoolOp", ["boolop op", "expr* values"]),
        ("NamedExpr", ["expr target", "expr value"]),
        ("BinOp", ["expr left", "operator op", "expr right"]),
        ("UnaryOp", ["unaryop op", "expr operand"]),
        ("Lambda", ["arguments args", "expr body"]),
        ("IfExp", ["expr test", "expr body", "expr orelse"]),
        ("Dict", ["expr* keys", "expr* values"]),
        ("Set", ["expr* elts"]),
        ("ListComp", ["expr elt", "comprehension* generators"]),
        ("SetComp", ["expr elt", "comprehension* generators"]),
        ("DictComp", ["expr key", "expr value", "comprehension* generators"]),
        ("GeneratorExp", ["expr elt", "comprehension* generators"]),
        ("Await", ["expr value"]),
        ("Yield", ["expr? value"]),
        ("YieldFrom", ["expr value"]),
        ("Compare", ["expr left", "cmpop* ops", "expr* comparators"]),
        ("Call", ["expr func", "expr* args", "keyword* keywords"]),
        ("FormattedValue", ["expr value", "int conversion", "expr? format_spec"]),
        ("JoinedStr", ["expr* values"]),
        ("Constant", ["constant value", "string? kind"]),
        ("Attribute", ["expr value", "identifier attr", "expr_context ctx"]),
        ("Subscript", ["expr value", "expr slice", "expr_context ctx"]),
        ("Starred", ["expr value", "expr_context ctx"]),
        ("Name", ["identifier id", "expr_context ctx"]),
        ("List", ["expr* elts", "expr_context ctx"]),
        ("Tuple", ["expr* elts", "expr_context ctx"]),
        ("Slice", ["expr? lower", "expr? upper", "expr? step"]),
    ], LOC),
    ("expr_context", "enum", ["Load", "Store", "Del"], False),
    ("boolop", "enum", ["And", "Or"], False),
    ("operator", "enum", ["Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow", "LShift",
                          "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv"], False),
    ("unaryop", "enum", ["Invert", "Not", "UAdd", "USub"], False),
    ("cmpop", "enum", ["Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In",
                       "NotIn"], False),
    ("comprehension", "product", ["expr target", "expr iter", "expr* ifs", "int is_async"],
     False),
    ("excepthandler", "sum", [
        ("ExceptHandler", ["expr? type", "identifier? name", "stmt* body"]),
    ], LOC),
    ("arguments", "product", ["arg* posonlyargs", "arg* args", "arg? vararg",
                              "arg* kwonlyargs", "expr* kw_defaults", "arg? kwarg",
                              "expr* defaults"], False),
    ("arg", "product", ["identifier arg", "expr? annotation", "string? type_comment"], LOC),
    ("keyword", "product", ["identifier? arg", "expr value"], LOC),
    ("alias", "product", ["identifier name", "identifier? asname"], LOC),
    ("withitem", "product", ["expr context_expr", "expr? optional_vars"], False),
    ("match_case", "product", ["pattern pattern", "expr? guard", "stmt* body"], False),
    ("pattern", "sum", [
        ("MatchValue", ["expr value"]),
        ("MatchSingleton", ["constant value"]),
        ("MatchSequence", ["pattern* patterns"]),
        ("MatchMapping", ["expr* keys", "pattern* patterns", "identifier? rest"]),
        ("MatchClass", ["expr cls", "pattern* patterns", "identifier* kwd_attrs",
                        "pattern* kwd_patterns"]),
        ("MatchStar", ["identifier? name"]),
        ("MatchAs", ["pattern? pattern", "identifier? name"]),
        ("MatchOr", ["pattern* patterns"]),
    ], LOC),
    ("type_ignore", "sum", [("TypeIgnore", ["int lineno", "string tag"])], False),
    ("type_param", "sum", [
        ("TypeVar", ["identifier name", "expr? bound", "expr? default_value"]),
        ("ParamSpec", ["identifier name", "expr? default_value"]),
        ("TypeVarTuple", ["identifier name", "expr? default_value"]),
    ], LOC),
]

BUILTIN = {"identifier": "identifier", "string": "string", "constant": "constant",
           "int": "int"}
ENUMS = {n for (n, k, _, _) in NODES if k == "enum"}
NODE_TYPES = [n for (n, k, _, _) in NODES if k != "enum"]
LOC_FIELDS = ["int lineno", "int col_offset", "int end_lineno", "int end_col_offset"]


def parse_field(f):
    t, name = f.split()
    opt = t.endswith("?")
    seq = t.endswith("*")
    t = t.rstrip("?*")
    return t, name, opt, seq


def ctype(t, seq):
    if seq:
        if t in ("identifier", "string", "constant"):
            return "asdl_identifier_seq *"
        if t in ENUMS or t == "int":
            return "asdl_int_seq *"
        return "asdl_%s_seq *" % t
    if t in BUILTIN:
        return BUILTIN[t] + " "
    return t + "_ty "


def decl(t, name, seq):
    c = ctype(t, seq)
    return c + name if c.endswith("*") or c.endswith(" ") else c + " " + name


def header():
    out = []
    w = out.append
    w("/* The abstract syntax tree: one C struct per node of Python 3.13's abstract grammar,")
    w(" * with CPython's type, kind and field names, and arena-allocating constructors.")
    w(" * Generated by Parser/asdl_gen.py (do not edit by hand).  Owner: parser room. */")
    w("#ifndef Py_INTERNAL_AST_H")
    w("#define Py_INTERNAL_AST_H")
    w("")
    w("#ifndef Py_BUILD_CORE")
    w("#  error \"this header requires Py_BUILD_CORE define\"")
    w("#endif")
    w("")
    w('#include "pycore_asdl.h"')
    w("")
    w("#ifdef __cplusplus")
    w('extern "C" {')
    w("#endif")
    w("")
    for n in NODE_TYPES:
        w("typedef struct _%s *%s_ty;" % (n, n))
    w("")
    for (n, k, items, _) in NODES:
        if k != "enum":
            continue
        w("typedef enum _%s {" % n)
        vals = ["%s=%d" % (v, i + 1) for i, v in enumerate(items)]
        for i in range(0, len(vals), 7):
            w("    " + ", ".join(vals[i:i + 7]) + ("," if i + 7 < len(vals) else ""))
        w("} %s_ty;" % n)
    w("")
    for n in NODE_TYPES:
        w("typedef struct {")
        w("    _ASDL_SEQ_HEAD")
        w("    %s_ty typed_elements[1];" % n)
        w("} asdl_%s_seq;" % n)
        w("")
        w("asdl_%s_seq *_Py_asdl_%s_seq_new(Py_ssize_t size, PyArena *arena);" % (n, n))
        w("")
    for (n, k, items, loc) in NODES:
        if k == "enum":
            continue
        if k == "sum":
            w("enum _%s_kind {" % n)
            kinds = ["%s_kind=%d" % (c, i + 1) for i, (c, _) in enumerate(items)]
            for i in range(0, len(kinds), 4):
                w("    " + ", ".join(kinds[i:i + 4]) + ("," if i + 4 < len(kinds) else ""))
            w("};")
            w("struct _%s {" % n)
            w("    enum _%s_kind kind;" % n)
            w("    union {")
            for (c, fields) in items:
                if not fields:
                    continue
                w("        struct {")
                for f in fields:
                    t, name, opt, seq = parse_field(f)
                    w("            %s;" % decl(t, name, seq))
                w("        } %s;" % c)
                w("")
            w("    } v;")
            if loc:
                for f in LOC_FIELDS:
                    w("    %s;" % f)
            w("};")
            w("")
        else:
            w("struct _%s {" % n)
            for f in items:
                t, name, opt, seq = parse_field(f)
                w("    %s;" % decl(t, name, seq))
            if loc:
                for f in LOC_FIELDS:
                    w("    %s;" % f)
            w("};")
            w("")
    w("/* Constructors.  Each allocates the node from arena and returns NULL with an exception")
    w(" * set (ValueError for a missing required field, MemoryError) on failure.  Object")
    w(" * arguments are borrowed: the caller keeps them alive through the arena. */")
    for proto, _ in constructors():
        w(proto + ";")
    w("")
    w("/* Conversion to and from the Python-level ast classes (Python/Python-ast.c).")
    w(" * PyAST_mod2obj: new reference, or NULL with an exception set.  PyAST_obj2mod: NULL")
    w(" * with an exception set on failure; mode is Py_file_input, Py_eval_input,")
    w(" * Py_single_input or Py_func_type_input.  PyAST_Check: 1, 0, or -1 on error. */")
    w("PyAPI_FUNC(PyObject *) PyAST_mod2obj(mod_ty t);")
    w("PyAPI_FUNC(mod_ty) PyAST_obj2mod(PyObject *ast, PyArena *arena, int mode);")
    w("PyAPI_FUNC(int) PyAST_Check(PyObject *obj);")
    w("")
    w("#ifdef __cplusplus")
    w("}")
    w("#endif")
    w("#endif /* Py_INTERNAL_AST_H */")
    return "\n".join(out) + "\n"


def wrap_proto(rtype, name, params, width=95):
    head = "%s %s(" % (rtype, name)
    lines = []
    cur = head
    indent = " " * len(head) if len(head) < 40 else "    "
    for i, p in enumerate(params):
        piece = p + ("," if i < len(params) - 1 else ")")
        if len(cur) + len(piece) + 1 > width and cur.strip() not in (head.strip(),):
            lines.append(cur.rstrip())
            cur = indent + piece + " "
        else:
            cur += piece + " "
    lines.append(cur.rstrip())
    return "\n".join(lines)


def constructors():
    res = []
    for (n, k, items, loc) in NODES:
        if k == "enum":
            continue
        if k == "sum":
            cons = items
        else:
            cons = [(n, items)]
        for (c, fields) in cons:
            params = []
            for f in fields:
                t, name, opt, seq = parse_field(f)
                params.append(decl(t, name, seq).replace("* ", "*"))
            if loc:
                params += LOC_FIELDS
            params.append("PyArena *arena")
            proto = wrap_proto("%s_ty" % n, "_PyAST_%s" % c, params)
            res.append((proto, (n, k, c, fields, loc)))
    return res


def source():
    out = []
    w = out.append
    w("/* AST node constructors and typed sequence allocators.")
    w(" * Generated by Parser/asdl_gen.py (do not edit by hand).  Owner: parser room. */")
    w('#include "Python.h"')
    w('#include "pycore_ast.h"')
    w("")
    w("static void")
    w("ast_missing_field(const char *field, const char *node)")
    w("{")
    w('    PyErr_Format(PyExc_ValueError, "field \'%s\' is required for %s", field, node);')
    w("}")
    w("")
    for n in NODE_TYPES:
        w("asdl_%s_seq *" % n)
        w("_Py_asdl_%s_seq_new(Py_ssize_t size, PyArena *arena)" % n)
        w("{")
        w("    return (asdl_%s_seq *)_Py_asdl_seq_new_sized(size, sizeof(%s_ty), arena);"
          % (n, n))
        w("}")
        w("")
    for proto, (n, k, c, fields, loc) in constructors():
        w(proto.replace("%s_ty _PyAST_" % n, "%s_ty\n_PyAST_" % n, 1)
              .replace("\n" + " " * len("%s_ty _PyAST_%s(" % (n, c)),
                       "\n" + " " * len("_PyAST_%s(" % c)))
        w("{")
        for f in fields:
            t, name, opt, seq = parse_field(f)
            if not opt and not seq and t not in ENUMS and t != "int":
                w("    if (%s == NULL) {" % name)
                w('        ast_missing_field("%s", "%s");' % (name, c))
                w("        return NULL;")
                w("    }")
        w("    %s_ty node = (%s_ty)_PyArena_Malloc(arena, sizeof(*node));" % (n, n))
        w("    if (node == NULL) {")
        w("        return NULL;")
        w("    }")
        if k == "sum":
            w("    node->kind = %s_kind;" % c)
            for f in fields:
                t, name, opt, seq = parse_field(f)
                w("    node->v.%s.%s = %s;" % (c, name, name))
        else:
            for f in fields:
                t, name, opt, seq = parse_field(f)
                w("    node->%s = %s;" % (name, name))
        if loc:
            for f in LOC_FIELDS:
                name = f.split()[1]
                w("    node->%s = %s;" % (name, name))
        w("    return node;")
        w("}")
        w("")
    return "\n".join(out)




# ---- Python/Python-ast.c: the _ast module, PyAST_mod2obj, PyAST_obj2mod -------------------

def all_classes():
    """(class name, base name or None, fields, attributes, kind, type name) in creation order."""
    res = []
    for (n, k, items, loc) in NODES:
        attrs = [f.split()[1] for f in LOC_FIELDS] if loc else []
        if k == "enum":
            res.append((n, "AST", [], [], "abstract", n))
            for v in items:
                res.append((v, n, [], [], "enumval", n))
        elif k == "sum":
            res.append((n, "AST", [], attrs, "abstract", n))
            for (c, fields) in items:
                res.append((c, n, fields, attrs, "cons", n))
        else:
            res.append((n, "AST", items, attrs, "product", n))
    return res


def emit_value(w, expr, indent):
    line = " " * indent + "value = " + expr + ";"
    if len(line) < 100 or ", ast2obj_" not in expr:
        w(line)
        return
    head, tail = expr.split(", ast2obj_", 1)
    first = " " * indent + "value = " + head + ","
    w(first)
    w(" " * (indent + len("value = ast2obj_list(")) + "ast2obj_" + tail + ";")


def pyast_source():
    classes = all_classes()
    index = {c[0]: i for i, c in enumerate(classes)}
    out = []
    w = out.append
    w("/* The _ast module: Python classes for the AST nodes, and conversion between the C AST")
    w(" * (Include/internal/pycore_ast.h) and those objects: PyAST_mod2obj, PyAST_obj2mod.")
    w(" * Generated by Parser/asdl_gen.py (do not edit by hand).  Owner: parser room.")
    w(" *")
    w(" * The node classes are created once, when _ast is first imported (or a conversion first")
    w(" * needs them), and are immutable afterwards: ast_classes[] is written only under")
    w(" * ast_init_mutex, before ast_ready is stored with release order; readers load ast_ready")
    w(" * with acquire order, so they see the finished table. */")
    w('#include "Python.h"')
    w('#include "pycore_ast.h"')
    w("")
    w("#define AST_NCLASSES %d" % len(classes))
    w("")
    w("static PyObject *ast_classes[AST_NCLASSES];   /* strong references, never released */")
    w("static PyObject *ast_enum_instances[AST_NCLASSES];")
    w("static void *ast_ready;   /* non-NULL once ast_classes[] is complete */")
    w("static PyMutex ast_init_mutex;")
    w("")
    w("typedef struct {")
    w("    const char *name;")
    w("    int base;              /* index of the base class, -1 for AST */")
    w("    const char *fields;    /* space-separated */")
    w("    const char *kinds;     /* per field: '1' required, '?' optional, '*' sequence */")
    w("    const char *attributes;")
    w("} ast_class_spec;")
    w("")
    w("static const ast_class_spec ast_specs[AST_NCLASSES] = {")
    for (name, base, fields, attrs, kind, tname) in classes:
        fnames = " ".join(parse_field(f)[1] for f in fields)
        kinds = "".join("*" if parse_field(f)[3] else "?" if parse_field(f)[2] else "1"
                        for f in fields)
        b = -1 if base == "AST" else index[base]
        w('    {"%s", %d,' % (name, b))
        w('     "%s",' % fnames)
        w('     "%s", "%s"},' % (kinds, " ".join(attrs)))
    w("};")
    w("")
    w(r'''/* ---- the AST base type --------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *dict;
} ASTObject;

/* ast.AST is a static type: the node classes are heap subclasses whose subtype_dealloc
 * releases the reference an instance holds to its class, so this must not. */
static void
ast_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(((ASTObject *)self)->dict);
    Py_TYPE(self)->tp_free(self);
}

static int
ast_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((ASTObject *)self)->dict);
    if (Py_TYPE(self)->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        Py_VISIT(Py_TYPE(self));
    }
    return 0;
}

static int
ast_clear(PyObject *self)
{
    Py_CLEAR(((ASTObject *)self)->dict);
    return 0;
}

/* Index of the node class of type tp (or of its nearest node base), -1 if none. */
static int
ast_class_index(PyTypeObject *tp)
{
    for (; tp != NULL; tp = tp->tp_base) {
        for (int i = 0; i < AST_NCLASSES; i++) {
            if (ast_classes[i] == (PyObject *)tp) {
                return i;
            }
        }
    }
    return -1;
}

/* AST.__init__(*args, **kwargs): positional arguments fill _fields in order, keywords set
 * attributes; missing optional fields default to None and sequences to []. */
static int
ast_type_init(PyObject *self, PyObject *args, PyObject *kw)
{
    PyObject *fields;
    if (PyObject_GetOptionalAttrString((PyObject *)Py_TYPE(self), "_fields", &fields) < 0) {
        return -1;
    }
    Py_ssize_t nfields = 0;
    if (fields != NULL) {
        nfields = PySequence_Size(fields);
        if (nfields < 0) {
            Py_DECREF(fields);
            return -1;
        }
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > nfields) {
        PyErr_Format(PyExc_TypeError, "%.400s constructor takes at most %zd positional "
                     "argument%s", Py_TYPE(self)->tp_name, nfields, nfields == 1 ? "" : "s");
        Py_XDECREF(fields);
        return -1;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyObject *name = PySequence_GetItem(fields, i);
        if (name == NULL) {
            Py_DECREF(fields);
            return -1;
        }
        int r = PyObject_SetAttr(self, name, PyTuple_GET_ITEM(args, i));
        Py_DECREF(name);
        if (r < 0) {
            Py_DECREF(fields);
            return -1;
        }
    }
    if (kw != NULL) {
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        while (PyDict_Next(kw, &pos, &key, &value)) {
            if (PyObject_SetAttr(self, key, value) < 0) {
                Py_XDECREF(fields);
                return -1;
            }
        }
    }
    int idx = ast_class_index(Py_TYPE(self));
    if (idx >= 0 && fields != NULL) {
        const char *kinds = ast_specs[idx].kinds;
        for (Py_ssize_t i = nargs; i < nfields && kinds[i]; i++) {
            if (kinds[i] == '1') {
                continue;
            }
            PyObject *name = PySequence_GetItem(fields, i);
            if (name == NULL) {
                Py_DECREF(fields);
                return -1;
            }
            PyObject *cur;
            int has = PyObject_GetOptionalAttr(self, name, &cur);
            Py_XDECREF(cur);
            int r = 0;
            if (has == 0) {
                PyObject *dflt = kinds[i] == '*' ? PyList_New(0) : Py_NewRef(Py_None);
                r = dflt ? PyObject_SetAttr(self, name, dflt) : -1;
                Py_XDECREF(dflt);
            }
            Py_DECREF(name);
            if (has < 0 || r < 0) {
                Py_DECREF(fields);
                return -1;
            }
        }
    }
    Py_XDECREF(fields);
    return 0;
}

static PyObject *
ast_reduce(PyObject *self, PyObject *unused)
{
    PyObject *dict = ((ASTObject *)self)->dict;
    if (dict != NULL) {
        return Py_BuildValue("O()O", Py_TYPE(self), dict);
    }
    return Py_BuildValue("O()", Py_TYPE(self));
}

static PyMethodDef ast_type_methods[] = {
    {"__reduce__", ast_reduce, METH_NOARGS, NULL},
    {NULL}
};

static PyMemberDef ast_type_members[] = {
    {"__dictoffset__", Py_T_PYSSIZET, offsetof(ASTObject, dict), Py_READONLY},
    {NULL}
};

static PyGetSetDef ast_type_getsets[] = {
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict},
    {NULL}
};

static PyTypeObject PyAST_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "ast.AST",
    .tp_basicsize = sizeof(ASTObject),
    .tp_dealloc = ast_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = ast_traverse,
    .tp_clear = ast_clear,
    .tp_methods = ast_type_methods,
    .tp_members = ast_type_members,
    .tp_getset = ast_type_getsets,
    .tp_dictoffset = offsetof(ASTObject, dict),
    .tp_init = ast_type_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};
_Py_REGISTER_STATIC_TYPE(PyAST_Type);

/* Return a new reference to a tuple of the space-separated names in s. */
static PyObject *
names_tuple(const char *s)
{
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    while (*s) {
        const char *e = strchr(s, ' ');
        Py_ssize_t n = e ? e - s : (Py_ssize_t)strlen(s);
        PyObject *name = PyUnicode_FromStringAndSize(s, n);
        if (name == NULL || PyList_Append(list, name) < 0) {
            Py_XDECREF(name);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(name);
        s += n;
        if (*s == ' ') {
            s++;
        }
    }
    PyObject *t = PyList_AsTuple(list);
    Py_DECREF(list);
    return t;
}

static PyObject *
make_class(const ast_class_spec *spec, PyObject *base)
{
    PyObject *fields = names_tuple(spec->fields);
    PyObject *attrs = names_tuple(spec->attributes);
    PyObject *dict = NULL, *cls = NULL;
    if (fields == NULL || attrs == NULL) {
        goto done;
    }
    dict = Py_BuildValue("{sOsOsOss}", "_fields", fields, "__match_args__", fields,
                         "_attributes", attrs, "__module__", "ast");
    if (dict == NULL) {
        goto done;
    }
    cls = PyObject_CallFunction((PyObject *)&PyType_Type, "s(O)O", spec->name, base, dict);
done:
    Py_XDECREF(fields);
    Py_XDECREF(attrs);
    Py_XDECREF(dict);
    return cls;
}

/* Create the node classes (once).  Return 0, or -1 with an exception set. */
static int
ast_init_classes(void)
{
    if (_Py_atomic_load_ptr_acquire(&ast_ready) != NULL) {
        return 0;
    }
    PyMutex_Lock(&ast_init_mutex);
    int result = 0;
    if (ast_ready == NULL) {
        for (int i = 0; i < AST_NCLASSES && result == 0; i++) {
            const ast_class_spec *spec = &ast_specs[i];
            PyObject *base = spec->base < 0 ? (PyObject *)&PyAST_Type : ast_classes[spec->base];
            PyObject *cls = make_class(spec, base);
            if (cls == NULL) {
                result = -1;
                break;
            }
            ast_classes[i] = cls;
            if (spec->base >= 0 && ast_specs[spec->base].fields[0] == '\0' &&
                ast_specs[spec->base].attributes[0] == '\0' && spec->fields[0] == '\0' &&
                spec->attributes[0] == '\0' && spec->base >= 0) {
                /* expr_context, boolop, ... members: one shared instance each. */
                ast_enum_instances[i] = PyObject_CallNoArgs(cls);
                if (ast_enum_instances[i] == NULL) {
                    result = -1;
                }
            }
        }
        if (result == 0) {
            _Py_atomic_store_ptr_release(&ast_ready, (void *)ast_classes);
        }
    }
    PyMutex_Unlock(&ast_init_mutex);
    return result;
}

/* ---- C AST -> Python objects ---------------------------------------------------------- */

/* Return a new node of class idx with the given attributes set. */
static PyObject *
ast_new_node(int idx)
{
    return PyObject_CallNoArgs(ast_classes[idx]);
}

static int
ast_set(PyObject *node, const char *name, PyObject *value)
{
    /* Steals a reference to value. */
    if (value == NULL) {
        return -1;
    }
    int r = PyObject_SetAttrString(node, name, value);
    Py_DECREF(value);
    return r;
}

static PyObject *
ast2obj_object(PyObject *o)
{
    return Py_NewRef(o ? o : Py_None);
}

static PyObject *
ast2obj_int(long v)
{
    return PyLong_FromLong(v);
}

typedef PyObject *(*ast2obj_fn)(void *);

static PyObject *
ast2obj_list(asdl_seq *seq, ast2obj_fn fn)
{
    Py_ssize_t n = asdl_seq_LEN(seq);
    PyObject *list = PyList_New(n);
    if (list == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        void *item = asdl_seq_GET_UNTYPED(seq, i);
        PyObject *o = item ? fn(item) : Py_NewRef(Py_None);
        if (o == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, o);
    }
    return list;
}

static PyObject *
ast2obj_identifier_list(asdl_identifier_seq *seq)
{
    Py_ssize_t n = asdl_seq_LEN(seq);
    PyObject *list = PyList_New(n);
    if (list == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyList_SET_ITEM(list, i, ast2obj_object(asdl_seq_GET(seq, i)));
    }
    return list;
}
''')
    # enum converters
    for (n, k, items, loc) in NODES:
        if k == "enum":
            w("static PyObject *")
            w("ast2obj_%s(%s_ty v)" % (n, n))
            w("{")
            w("    switch (v) {")
            for v in items:
                w("    case %s: return Py_NewRef(ast_enum_instances[%d]);" % (v, index[v]))
            w("    default:")
            w('        PyErr_Format(PyExc_SystemError, "unknown %s: %%d", (int)v);' % n)
            w("        return NULL;")
            w("    }")
            w("}")
            w("")
            if n != "cmpop":
                continue
            w("static PyObject *")
            w("ast2obj_%s_list(asdl_int_seq *seq)" % n)
            w("{")
            w("    Py_ssize_t n = asdl_seq_LEN(seq);")
            w("    PyObject *list = PyList_New(n);")
            w("    if (list == NULL) {")
            w("        return NULL;")
            w("    }")
            w("    for (Py_ssize_t i = 0; i < n; i++) {")
            w("        PyObject *o = ast2obj_%s((%s_ty)asdl_seq_GET(seq, i));" % (n, n))
            w("        if (o == NULL) {")
            w("            Py_DECREF(list);")
            w("            return NULL;")
            w("        }")
            w("        PyList_SET_ITEM(list, i, o);")
            w("    }")
            w("    return list;")
            w("}")
            w("")
    for n in NODE_TYPES:
        w("static PyObject *ast2obj_%s(void *node);" % n)
    w("")

    def conv_expr(t, seq, acc):
        if seq:
            if t in ("identifier", "string", "constant"):
                return "ast2obj_identifier_list(%s)" % acc
            if t in ENUMS:
                return "ast2obj_%s_list(%s)" % (t, acc)
            return "ast2obj_list((asdl_seq *)%s, ast2obj_%s)" % (acc, t)
        if t in ("identifier", "string", "constant"):
            return "ast2obj_object(%s)" % acc
        if t == "int":
            return "ast2obj_int(%s)" % acc
        if t in ENUMS:
            return "ast2obj_%s(%s)" % (t, acc)
        return "ast2obj_%s(%s)" % (t, acc)

    for (n, k, items, loc) in NODES:
        if k == "enum":
            continue
        w("static PyObject *")
        w("ast2obj_%s(void *_node)" % n)
        w("{")
        w("    %s_ty node = (%s_ty)_node;" % (n, n))
        w("    if (node == NULL) {")
        w("        Py_RETURN_NONE;")
        w("    }")
        w("    int idx;")
        cons = items if k == "sum" else [(n, items)]
        if k == "sum":
            w("    switch (node->kind) {")
            for (c, fields) in cons:
                w("    case %s_kind: idx = %d; break;" % (c, index[c]))
            w("    default:")
            w('        PyErr_SetString(PyExc_SystemError, "unknown %s kind");' % n)
            w("        return NULL;")
            w("    }")
        else:
            w("    idx = %d;" % index[n])
        w("    PyObject *value;")
        w("    (void)value;")
        w("    PyObject *result = ast_new_node(idx);")
        w("    if (result == NULL) {")
        w("        return NULL;")
        w("    }")
        if k == "sum":
            w("    switch (node->kind) {")
            for (c, fields) in cons:
                w("    case %s_kind:" % c)
                for f in fields:
                    t, name, opt, seq = parse_field(f)
                    emit_value(w, conv_expr(t, seq, "node->v.%s.%s" % (c, name)), 8)
                    w('        if (ast_set(result, "%s", value) < 0) {' % name)
                    w("            goto failed;")
                    w("        }")
                w("        break;")
            w("    default:")
            w("        break;")
            w("    }")
        else:
            for f in items:
                t, name, opt, seq = parse_field(f)
                emit_value(w, conv_expr(t, seq, "node->%s" % name), 4)
                w('    if (ast_set(result, "%s", value) < 0) {' % name)
                w("        goto failed;")
                w("    }")
        if loc:
            for f in LOC_FIELDS:
                name = f.split()[1]
                w('    if (ast_set(result, "%s", ast2obj_int(node->%s)) < 0) {' % (name, name))
                w("        goto failed;")
                w("    }")
        w("    return result;")
        w("failed:")
        w("    Py_DECREF(result);")
        w("    return NULL;")
        w("}")
        w("")
    w(r'''PyObject *
PyAST_mod2obj(mod_ty t)
{
    if (ast_init_classes() < 0) {
        return NULL;
    }
    return ast2obj_mod(t);
}

/* ---- Python objects -> C AST ---------------------------------------------------------- */

/* Nesting depth of the conversion running in this thread (bounds recursion on deep or
 * cyclic input); per thread, so concurrent conversions do not interfere. */
static _Thread_local int obj2ast_depth;

static int
is_instance_of(PyObject *obj, int idx)
{
    return PyObject_IsInstance(obj, ast_classes[idx]);
}

/* Get attribute name of obj: 1 found (*out new ref), 0 missing or None (when optional), -1
 * error.  A missing required field raises TypeError like CPython. */
static int
obj2ast_field(PyObject *obj, const char *name, const char *owner, int required,
              PyObject **out)
{
    if (PyObject_GetOptionalAttrString(obj, name, out) < 0) {
        return -1;
    }
    if (*out == NULL || (*out == Py_None && !required)) {
        Py_CLEAR(*out);
        if (required) {
            PyErr_Format(PyExc_TypeError, "required field \"%s\" missing from %s", name,
                         owner);
            return -1;
        }
        return 0;
    }
    return 1;
}

static int
obj2ast_object(PyObject *obj, PyObject **out, PyArena *arena)
{
    if (obj == Py_None) {
        *out = NULL;
        return 0;
    }
    if (_PyArena_AddPyObject(arena, Py_NewRef(obj)) < 0) {
        Py_DECREF(obj);
        return -1;
    }
    *out = obj;
    return 0;
}

static int
obj2ast_identifier(PyObject *obj, PyObject **out, PyArena *arena)
{
    if (obj != Py_None && !PyUnicode_CheckExact(obj)) {
        PyErr_SetString(PyExc_TypeError, "AST identifier must be of type str");
        return -1;
    }
    return obj2ast_object(obj, out, arena);
}

#define obj2ast_string obj2ast_object
#define obj2ast_constant obj2ast_object

static int
obj2ast_int(PyObject *obj, int *out, PyArena *arena)
{
    if (!PyLong_Check(obj)) {
        PyErr_Format(PyExc_ValueError, "invalid integer value: %R", obj);
        return -1;
    }
    int overflow;
    long v = PyLong_AsLongAndOverflow(obj, &overflow);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (overflow || v > INT_MAX || v < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)v;
    return 0;
}
''')
    for (n, k, items, loc) in NODES:
        if k == "enum":
            w("static int")
            w("obj2ast_%s(PyObject *obj, %s_ty *out, PyArena *arena)" % (n, n))
            w("{")
            for v in items:
                w("    if (is_instance_of(obj, %d) > 0) {" % index[v])
                w("        *out = %s;" % v)
                w("        return 0;")
                w("    }")
            w('    PyErr_Format(PyExc_TypeError, "expected some sort of %s, but got %%R",' % n)
            w('                 obj);')
            w("    return -1;")
            w("}")
            w("")
        else:
            w("static int obj2ast_%s(PyObject *obj, %s_ty *out, PyArena *arena);" % (n, n))
    w("")

    def emit_get(t, name, opt, seq, owner, target, indent):
        i = " " * indent
        req = "0" if (opt or seq) else "1"
        w(i + "{")
        w(i + "    PyObject *tmp;")
        w(i + '    int r = obj2ast_field(obj, "%s", "%s", %s, &tmp);' % (name, owner, req))
        w(i + "    if (r < 0) {")
        w(i + "        return -1;")
        w(i + "    }")
        if seq:
            ctype_ = ("asdl_identifier_seq" if t in ("identifier", "string", "constant")
                      else "asdl_int_seq" if (t in ENUMS or t == "int") else "asdl_%s_seq" % t)
            newfn = ("_Py_asdl_identifier_seq_new" if ctype_ == "asdl_identifier_seq"
                     else "_Py_asdl_int_seq_new" if ctype_ == "asdl_int_seq"
                     else "_Py_asdl_%s_seq_new" % t)
            w(i + "    %s = NULL;" % target)
            w(i + "    if (r > 0) {")
            w(i + "        if (!PyList_Check(tmp)) {")
            w(i + '            PyErr_Format(PyExc_TypeError,')
            w(i + '                         "%s field \\"%s\\" must be a list, "' % (owner, name))
            w(i + '                         "not a %.200s",')
            w(i + '                         Py_TYPE(tmp)->tp_name);')
            w(i + "            Py_DECREF(tmp);")
            w(i + "            return -1;")
            w(i + "        }")
            w(i + "        Py_ssize_t len = PyList_GET_SIZE(tmp);")
            w(i + "        %s *seq = %s(len, arena);" % (ctype_, newfn))
            w(i + "        if (seq == NULL) {")
            w(i + "            Py_DECREF(tmp);")
            w(i + "            return -1;")
            w(i + "        }")
            w(i + "        for (Py_ssize_t j = 0; j < len && j < PyList_GET_SIZE(tmp); j++) {")
            w(i + "            PyObject *item = Py_NewRef(PyList_GET_ITEM(tmp, j));")
            if t in ("identifier", "string", "constant"):
                w(i + "            PyObject *v;")
            elif t in ENUMS:
                w(i + "            %s_ty v;" % t)
            elif t == "int":
                w(i + "            int v;")
            else:
                w(i + "            %s_ty v = NULL;" % t)
            w(i + "            int rr = obj2ast_%s(item, &v, arena);" % t)
            w(i + "            Py_DECREF(item);")
            w(i + "            if (rr < 0) {")
            w(i + "                Py_DECREF(tmp);")
            w(i + "                return -1;")
            w(i + "            }")
            w(i + "            asdl_seq_SET(seq, j, v);")
            w(i + "        }")
            w(i + "        %s = seq;" % target)
            w(i + "    }")
            w(i + "    else {")
            w(i + "        %s = %s(0, arena);" % (target, newfn))
            w(i + "        if (%s == NULL) {" % target)
            w(i + "            return -1;")
            w(i + "        }")
            w(i + "    }")
        else:
            if t in ENUMS or t == "int":
                w(i + "    if (r == 0) {")
                w(i + "        %s = 0;" % target)
                w(i + "    }")
                w(i + "    else if (obj2ast_%s(tmp, &%s, arena) < 0) {" % (t, target))
            else:
                w(i + "    %s = NULL;" % target)
                w(i + "    if (r > 0 && obj2ast_%s(tmp, &%s, arena) < 0) {" % (t, target))
            w(i + "        Py_DECREF(tmp);")
            w(i + "        return -1;")
            w(i + "    }")
        w(i + "    Py_XDECREF(tmp);")
        w(i + "}")

    for (n, k, items, loc) in NODES:
        if k == "enum":
            continue
        w("static int")
        w("obj2ast_%s(PyObject *obj, %s_ty *out, PyArena *arena)" % (n, n))
        w("{")
        w("    *out = NULL;")
        w("    if (obj == Py_None) {")
        w("        return 0;")
        w("    }")
        w("    if (++obj2ast_depth > 3000) {")
        w("        obj2ast_depth--;")
        w('        PyErr_SetString(PyExc_RecursionError,')
        w('                        "maximum recursion depth exceeded during ast construction");')
        w("        return -1;")
        w("    }")
        w("    int res = -1;")
        cons = items if k == "sum" else [(n, items)]
        w("    int lineno = 0, col_offset = 0, end_lineno = 0, end_col_offset = 0;")
        w("    (void)lineno; (void)col_offset; (void)end_lineno; (void)end_col_offset;")
        for (c, fields) in cons:
            w("    if (is_instance_of(obj, %d) > 0) {" % index[c])
            for f in fields:
                t, name, opt, seq = parse_field(f)
                if seq:
                    decl_ = ctype(t, True) + "f_" + name
                elif t in ENUMS:
                    decl_ = "%s_ty f_%s" % (t, name)
                else:
                    decl_ = ctype(t, False) + "f_" + name
                w("        %s;" % decl_.replace("* f_", "*f_"))
            wrap_ = []
            for f in fields:
                t, name, opt, seq = parse_field(f)
                emit_get(t, name, opt, seq, c, "f_" + name, 8)
            if loc:
                for f in LOC_FIELDS:
                    name = f.split()[1]
                    emit_get("int", name, name.startswith("end"), False, c, name, 8)
            args = ["f_" + parse_field(f)[1] for f in fields]
            if loc:
                args += ["lineno", "col_offset", "end_lineno", "end_col_offset"]
            args.append("arena")
            call = wrap_proto("*out =", "_PyAST_%s" % c, args, 86).split("\n")
            call[-1] += ";"
            for line in call:
                w("        " + line)
            w("        res = *out == NULL ? -1 : 0;")
            w("        goto done;")
            w("    }")
        w('    PyErr_Format(PyExc_TypeError, "expected some sort of %s, but got %%R",' % n)
        w('                 obj);')
        w("done:")
        w("    obj2ast_depth--;")
        w("    return res;")
        w("}")
        w("")
    w(r'''mod_ty
PyAST_obj2mod(PyObject *ast, PyArena *arena, int mode)
{
    if (ast_init_classes() < 0) {
        return NULL;
    }
    int idx = mode == Py_file_input ? %d : mode == Py_eval_input ? %d
              : mode == Py_single_input ? %d : %d;
    int r = PyObject_IsInstance(ast, ast_classes[idx]);
    if (r < 0) {
        return NULL;
    }
    if (r == 0) {
        static const char *const names[] = {"Module", "Expression", "Interactive",
                                            "FunctionType"};
        int k = mode == Py_file_input ? 0 : mode == Py_eval_input ? 1
                : mode == Py_single_input ? 2 : 3;
        PyErr_Format(PyExc_TypeError, "expected %%s node, got %%.400s", names[k],
                     Py_TYPE(ast)->tp_name);
        return NULL;
    }
    mod_ty res = NULL;
    if (obj2ast_mod(ast, &res, arena) < 0) {
        return NULL;
    }
    return res;
}

int
PyAST_Check(PyObject *obj)
{
    if (ast_init_classes() < 0) {
        return -1;
    }
    return PyObject_IsInstance(obj, (PyObject *)&PyAST_Type);
}

/* ---- the module ----------------------------------------------------------------------- */

static int
astmodule_exec(PyObject *m)
{
    if (ast_init_classes() < 0) {
        return -1;
    }
    if (PyModule_AddObjectRef(m, "AST", (PyObject *)&PyAST_Type) < 0) {
        return -1;
    }
    for (int i = 0; i < AST_NCLASSES; i++) {
        if (PyModule_AddObjectRef(m, ast_specs[i].name, ast_classes[i]) < 0) {
            return -1;
        }
    }
    struct { const char *name; int value; } consts[] = {
        {"PyCF_ONLY_AST", PyCF_ONLY_AST},
        {"PyCF_TYPE_COMMENTS", PyCF_TYPE_COMMENTS},
        {"PyCF_ALLOW_TOP_LEVEL_AWAIT", PyCF_ALLOW_TOP_LEVEL_AWAIT},
        {"PyCF_OPTIMIZED_AST", PyCF_OPTIMIZED_AST},
    };
    for (size_t i = 0; i < sizeof(consts) / sizeof(consts[0]); i++) {
        if (PyModule_AddIntConstant(m, consts[i].name, consts[i].value) < 0) {
            return -1;
        }
    }
    return 0;
}

static PyModuleDef_Slot astmodule_slots[] = {
    {Py_mod_exec, astmodule_exec},
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL}
};

static struct PyModuleDef astmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_ast",
    .m_size = 0,
    .m_slots = astmodule_slots,
};

PyMODINIT_FUNC
PyInit__ast(void)
{
    return PyModuleDef_Init(&astmodule);
}
''' % (index["Module"], index["Expression"], index["Interactive"], index["FunctionType"]))
    return "\n".join(out)


if __name__ == "__main__":
    with open("Include/internal/pycore_ast.h", "w") as f:
        f.write(header())
    with open("Parser/ast_nodes.c", "w") as f:
        f.write(source())
    with open("Python/Python-ast.c", "w") as f:
        f.write(pyast_source())

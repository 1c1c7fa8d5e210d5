"""The type stub (jobmatch/__init__.pyi) matches the real API, and every
public object has a docstring."""
import ast
import inspect
from pathlib import Path

import pytest

import jobmatch

STUB = Path(jobmatch.__file__).with_name("__init__.pyi")
TREE = ast.parse(STUB.read_text(encoding="utf-8"))


def stub_top():
    names = {}
    for node in TREE.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names[node.name] = node
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] = node
        elif isinstance(node, ast.Assign):
            for t in node.targets:
                if isinstance(t, ast.Name):
                    names[t.id] = node
    return names


TOP = stub_top()
PUBLIC_CLASSES = [n for n in jobmatch.__all__ if inspect.isclass(getattr(jobmatch, n))]


def params(fn_node):
    a = fn_node.args
    return ([x.arg for x in a.posonlyargs + a.args], [x.arg for x in a.kwonlyargs],
            a.vararg is not None)


def runtime_params(obj):
    sig = inspect.signature(obj)
    pos = [p.name for p in sig.parameters.values()
           if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    kw = [p.name for p in sig.parameters.values() if p.kind == p.KEYWORD_ONLY]
    var = any(p.kind == p.VAR_POSITIONAL for p in sig.parameters.values())
    return pos, kw, var


def test_every_public_name_is_in_the_stub():
    missing = [n for n in jobmatch.__all__ if n not in TOP]
    assert missing == []
    extra = [n for n in TOP if not n.startswith("_") and n not in jobmatch.__all__]
    assert extra == []


@pytest.mark.parametrize("name", [n for n in jobmatch.__all__
                                  if inspect.isfunction(getattr(jobmatch, n))])
def test_function_signatures(name):
    assert params(TOP[name]) == runtime_params(getattr(jobmatch, name))


def stub_members(cls_node):
    """The members a stub class declares, with the classes it derives from in the stub."""
    out = {}
    for base in cls_node.bases:
        b = base.value if isinstance(base, ast.Subscript) else base
        if isinstance(b, ast.Name) and b.id in TOP and isinstance(TOP[b.id], ast.ClassDef):
            out.update(stub_members(TOP[b.id]))
    for node in cls_node.body:
        if isinstance(node, ast.FunctionDef):
            out[node.name] = node
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            out[node.target.id] = node
    return out


@pytest.mark.parametrize("name", PUBLIC_CLASSES)
def test_class_members(name):
    cls = getattr(jobmatch, name)
    node = TOP[name]
    if isinstance(node, ast.Assign):  # an alias: RuleError = CallbackError
        assert isinstance(node.value, ast.Name) and getattr(jobmatch, node.value.id) is cls
        return
    members = stub_members(node)
    for m, decl in members.items():
        declared = {a for k in cls.__mro__ for a in
                    list(vars(k).get("__annotations__", {})) + list(vars(k).get("__slots__", ()))}
        assert hasattr(cls, m) or m in declared, f"{name}.{m} is in the stub only"
        if isinstance(decl, ast.FunctionDef) and not any(
                isinstance(d, ast.Name) and d.id == "property" for d in decl.decorator_list) \
                and not issubclass(cls, tuple) and m not in ("__eq__", "__hash__"):
            real = getattr(cls, m)
            if m == "__init__" and real is object.__init__:
                continue
            got = runtime_params(real)
            want = params(decl)
            is_cm = any(isinstance(d, ast.Name) and d.id == "classmethod"
                        for d in decl.decorator_list)
            if is_cm:
                want = (want[0][1:], want[1], want[2])  # bound: no cls
            if m == "__init__" and issubclass(cls, BaseException) and got == ([], [], True):
                continue
            assert got == want, f"{name}.{m}: runtime {got}, stub {want}"
    # Every public method and property of the class is in the stub.
    for m, v in inspect.getmembers(cls):
        if m.startswith("_") or issubclass(cls, BaseException) and any(
                hasattr(b, m) for b in cls.__mro__ if b.__module__ == "builtins"):
            continue
        if issubclass(cls, tuple) and (hasattr(tuple, m) or m in ("count", "index")):
            continue
        if issubclass(cls, list) and hasattr(list, m):
            continue
        assert m in members, f"{name}.{m} is missing from the stub"


@pytest.mark.parametrize("name", PUBLIC_CLASSES + [n for n in jobmatch.__all__
                                                   if inspect.isfunction(getattr(jobmatch, n))])
def test_docstrings(name):
    obj = getattr(jobmatch, name)
    assert (obj.__doc__ or "").strip(), f"{name} has no docstring"
    if inspect.isclass(obj):
        for m, v in vars(obj).items():
            if m.startswith("_") and m not in ("__init__",):
                continue
            if callable(v) or isinstance(v, (property, classmethod, staticmethod)):
                doc = getattr(v, "__doc__", None) or getattr(getattr(v, "__func__", None),
                                                             "__doc__", None)
                if m == "__init__":
                    continue
                assert (doc or "").strip(), f"{name}.{m} has no docstring"


def test_module_docstring():
    assert "supported employment" in jobmatch.__doc__

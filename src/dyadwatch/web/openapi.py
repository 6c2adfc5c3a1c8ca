"""The OpenAPI description, completed with the answers every route may give besides its own: the
server's refusals (400 bad Host, 413 body too large, 401/403 writing without the token), 404 for
what is not stored, 422 for values the route cannot use (either FastAPI's list of field errors or
our one-line reason), and 503 when the database cannot be read now."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

ERROR = {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]}

COMMON = {
    "400": "the Host header is not one this server answers to, or the request is malformed",
    "422": "a parameter or the body cannot be used: which one and why",
    "503": "the database cannot be read now (another process writes it) or a query ran too long",
}
FOR_ITEMS = {"404": "nothing stored under this id"}
FOR_WRITES = {
    "401": "missing or wrong bearer token",
    "403": "this server is read-only",
    "413": "the request body is over the size limit",
}


def _response(description: str, ref: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": ref}}}}


def complete(app: FastAPI) -> dict[str, Any]:
    """`app`'s OpenAPI document with the error answers above on every route (built once)."""
    if app.openapi_schema:
        return app.openapi_schema
    spec = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    schemas = spec.setdefault("components", {}).setdefault("schemas", {})
    schemas["Error"] = ERROR
    schemas["Unprocessable"] = {"anyOf": [{"$ref": "#/components/schemas/HTTPValidationError"},
                                          {"$ref": "#/components/schemas/Error"}]}
    schemas.setdefault("HTTPValidationError", {
        "type": "object", "properties": {"detail": {"type": "array", "items": {"type": "object"}}}})
    for path, operations in spec.get("paths", {}).items():
        for method, op in operations.items():
            answers = op.setdefault("responses", {})
            extra = dict(COMMON)
            if "{" in path:
                extra |= FOR_ITEMS
            if method.lower() in ("post", "put", "patch", "delete"):
                extra |= FOR_WRITES
            for code, text in extra.items():
                ref = "#/components/schemas/Unprocessable" if code == "422" else "#/components/schemas/Error"
                answers[code] = _response(answers.get(code, {}).get("description") or text, ref)
    app.openapi_schema = spec
    return spec


__all__ = ["complete"]

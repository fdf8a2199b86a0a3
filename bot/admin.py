"""Admin routes: upload, list and remove plans, with the same ingest semantics and report as the CLI."""
from __future__ import annotations

import logging

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse
from starlette.datastructures import UploadFile

from bot.constants import MAX_UPLOAD_BYTES
from bot.deps import AdminDep, BodyTooLarge, RuntimeDep, limited_receive
from bot.dispatcher import safe_file_name, save_upload, upload_problem

log = logging.getLogger("ngvh.bot.admin")
router = APIRouter(prefix="/admin")

MAX_FILES = 20
MULTIPART_OVERHEAD = 64 * 1024


@router.get("/plans")
async def list_plans(rt: RuntimeDep, _: AdminDep) -> dict:
    return {"plans": await rt.plans()}


@router.post("/plans")
async def upload_plans(request: Request, rt: RuntimeDep, _: AdminDep) -> JSONResponse:
    """multipart/form-data with one or more `file` parts (PDF, DOCX, TXT, HTML; ≤ 20 MB each)."""
    if "multipart/form-data" not in request.headers.get("content-type", ""):
        raise HTTPException(415, "send multipart/form-data with one or more 'file' parts")
    limit = MAX_UPLOAD_BYTES * MAX_FILES + MULTIPART_OVERHEAD
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"upload larger than {limit} bytes")
    # parse from a receive channel that stops at the limit, so a chunked upload cannot fill the disk
    limited = Request(request.scope, limited_receive(request, limit))
    try:
        form = await limited.form(max_files=MAX_FILES, max_fields=MAX_FILES * 2)
    except BodyTooLarge:
        raise HTTPException(413, "upload too large") from None
    except Exception:
        raise HTTPException(400, "malformed multipart body") from None
    uploads = [f for f in form.getlist("file") + form.getlist("files") if isinstance(f, UploadFile)]
    if not uploads:
        await form.close()
        raise HTTPException(400, "no 'file' part in the form")
    try:
        paths = []
        for upload in uploads:
            name = safe_file_name(upload.filename or "upload")
            problem = upload_problem(name, upload.size)
            if problem:
                raise HTTPException(413 if "MB" in problem else 415, f"{name}: {problem}")
            data = await upload.read(MAX_UPLOAD_BYTES + 1)
            if len(data) > MAX_UPLOAD_BYTES:
                raise HTTPException(413, f"{name}: {upload_problem(name, len(data))}")
            paths.append(save_upload(rt.settings.data_dir / "uploads", name, data))
    finally:
        await form.close()
    report = await rt.ingest(paths)
    log.info("admin ingest", extra={"files": len(paths), "counts": str(report.counts())})
    return JSONResponse(report.to_json(), status_code=200 if report.ok else 422)


@router.delete("/plans/{plan_id}")
async def delete_plan(plan_id: str, rt: RuntimeDep, _: AdminDep) -> dict:
    if not await rt.remove(plan_id):
        raise HTTPException(404, f"no plan with id {plan_id}")
    log.info("admin removed plan", extra={"plan_id": plan_id})
    return {"removed": plan_id}

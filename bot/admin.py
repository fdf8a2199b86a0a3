"""Admin routes: upload plans (a background ingest job with a status route), list and remove plans."""
from __future__ import annotations

import logging

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse
from starlette.datastructures import UploadFile

from bot.constants import MAX_UPLOAD_BYTES, RETRY_AFTER_SECONDS
from bot.deps import AdminDep, BodyTooLarge, ServiceDep, limited_receive
from bot.service import NoAnswerInTime
from bot.uploads import incoming_folder, safe_file_name, save_upload, upload_problem

log = logging.getLogger("ngvh.bot.admin")
router = APIRouter(prefix="/admin")

MAX_FILES = 20
MULTIPART_OVERHEAD = 64 * 1024


def _no_worker() -> HTTPException:
    return HTTPException(503, "no worker answered in time; try again", headers={"Retry-After": str(RETRY_AFTER_SECONDS)})


@router.get("/plans")
async def list_plans(rt: ServiceDep, _: AdminDep) -> dict:
    try:
        return {"plans": await rt.call_core("plans")}
    except NoAnswerInTime:
        raise _no_worker() from None


@router.post("/plans", status_code=202)
async def upload_plans(request: Request, rt: ServiceDep, _: AdminDep) -> JSONResponse:
    """multipart/form-data with one or more `file` parts (PDF, DOCX, TXT, HTML; ≤ 20 MB each).

    202 at once with {"job", "status"}: the ingest runs on a worker; GET the status URL for its report."""
    if "multipart/form-data" not in request.headers.get("content-type", ""):
        raise HTTPException(415, "send multipart/form-data with one or more 'file' parts")
    limit = MAX_UPLOAD_BYTES * MAX_FILES + MULTIPART_OVERHEAD
    declared = request.headers.get("content-length")
    if declared and declared.isascii() and declared.isdigit() and int(declared) > limit:
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
    folder = incoming_folder(rt.settings.data_dir / "uploads")
    try:
        files = []
        for upload in uploads:
            name = safe_file_name(upload.filename or "upload")
            problem = upload_problem(name, upload.size)
            if problem:
                raise HTTPException(413 if "MB" in problem else 415, f"{name}: {problem}")
            data = await upload.read(MAX_UPLOAD_BYTES + 1)
            if len(data) > MAX_UPLOAD_BYTES:
                raise HTTPException(413, f"{name}: {upload_problem(name, len(data))}")
            files.append((name, data))
    finally:
        await form.close()
    paths = [save_upload(folder, name, data) for name, data in files]  # nothing is written for a refused form
    job_id = await rt.submit_ingest(paths)
    log.info("admin upload queued", extra={"files": len(paths), "job": job_id})
    return JSONResponse({"job": job_id, "status": f"/admin/jobs/{job_id}", "state": "queued"}, status_code=202)


@router.get("/jobs/{job_id:path}")
async def job_status(job_id: str, rt: ServiceDep, _: AdminDep) -> dict:
    """{"state": "queued" | "running" | "done" | "failed", "report": <the ingest report once done>}"""
    status = await rt.intake.get_status(job_id)
    if status is None:
        raise HTTPException(404, f"no job {job_id}")
    return {"job": job_id, **status}


@router.delete("/plans/{plan_id}")
async def delete_plan(plan_id: str, rt: ServiceDep, _: AdminDep) -> dict:
    try:
        removed = await rt.call_core("remove", plan_id=plan_id)
    except NoAnswerInTime:
        raise _no_worker() from None
    if not removed:
        raise HTTPException(404, f"no plan with id {plan_id}")
    log.info("admin removed plan", extra={"plan_id": plan_id})
    return {"removed": plan_id}

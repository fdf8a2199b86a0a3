"""A worker: takes jobs from the durable intake, answers them, and marks them done after the reply is sent.

`ngvh worker` runs one per process (several processes per machine); `ngvh serve` starts them as its
children, and tests run one inside the app's event loop with a fake core.
"""
from __future__ import annotations

import asyncio
import logging
import time
import uuid
from datetime import date
from pathlib import Path

from bot.adapters.base import ChannelAdapter
from bot.coordination import Coordination
from bot.core import CoreRunner
from bot.dispatcher import Dispatcher
from bot.faults import ANSWER_ATTEMPTS, RETRY_BASE_SECONDS, RETRY_MAX_SECONDS, is_transient, retry_delay
from bot.intake import Intake, Job, JobKind
from bot.logs import redact, secret_values
from bot.metrics import Metrics
from bot.models import Attachment, InboundMessage, RawUpdate, WorkItem
from bot.options import BotOptions
from bot.reminders.schedule import DailyReminders
from bot.reminders.sending import ChannelOutbound, PassReport, ReminderPass
from bot.uploads import keep_successful
from ground.config import Settings

log = logging.getLogger("ngvh.bot.worker")

TAKE_WAIT_SECONDS = 0.5
DONE_RETRY_SECONDS = 300.0  # how long a worker keeps trying to mark an answered job done while the store is away


def encode_item(item: WorkItem) -> tuple[JobKind, dict]:
    """(job kind, body) of a message or raw update, as stored in the intake."""
    if isinstance(item, RawUpdate):
        return "update", {"channel": item.channel, "payload": item.payload, "dedupe_key": item.dedupe_key}
    body = {
        "channel": item.channel, "chat_id": item.chat_id, "user_id": item.user_id, "message_id": item.message_id,
        "dedupe_key": item.dedupe_key, "text": item.text, "is_group": item.is_group,
        "callback_id": item.callback_id, "callback_data": item.callback_data,
        "attachments": [{"file_id": a.file_id, "file_name": a.file_name, "mime_type": a.mime_type, "size": a.size} for a in item.attachments],
    }
    return "message", body


def decode_item(job: Job) -> WorkItem:
    body = job.body
    if job.kind == "update":
        return RawUpdate(body["channel"], body["payload"], body["dedupe_key"])
    attachments = tuple(Attachment(**a) for a in body.get("attachments") or ())
    return InboundMessage(
        channel=body["channel"], chat_id=body["chat_id"], user_id=body["user_id"], message_id=body["message_id"],
        dedupe_key=body["dedupe_key"], text=body.get("text", ""), attachments=attachments, is_group=bool(body.get("is_group")),
        callback_id=body.get("callback_id", ""), callback_data=body.get("callback_data", ""),
    )


class Worker:
    def __init__(
        self,
        settings: Settings,
        intake: Intake,
        core: CoreRunner,
        adapters: dict[str, ChannelAdapter],
        coordination: Coordination,
        metrics: Metrics,
        options: BotOptions,
        name: str | None = None,
    ):
        self.settings = settings
        self.intake = intake
        self.core = core
        self.adapters = adapters
        self.metrics = metrics
        self.options = options
        self.name = name or f"w-{uuid.uuid4().hex[:10]}"
        self.coordination = coordination
        self.dispatcher = Dispatcher(settings, adapters, core, coordination, metrics, options)
        self.busy = 0
        self._secrets = secret_values(settings)

    # -- one job --------------------------------------------------------------------------------------
    async def handle(self, job: Job) -> None:
        """Answer one work item: a channel message, a web question or an admin operation."""
        if job.kind in ("message", "update"):
            await self.dispatcher.handle(decode_item(job), job.attempts)
        elif job.kind == "ask":
            await self.answer_web(job)
        elif job.kind == "admin":
            await self.admin(job)
        else:
            log.error("unknown job kind", extra={"kind": job.kind, "job": job.id})

    async def answer_web(self, job: Job) -> None:
        if job.deadline is not None and time.time() > job.deadline:
            return  # the asker has been told to retry; answering now would be work for nobody
        body = job.body
        # a tab's conversation id: follow-ups resolved, context kept; without one the question stands alone
        conversation = body.get("conversation")
        turns = self.dispatcher.flow.turns
        try:
            events = turns.answer_stream("web", conversation, body.get("visitor") or conversation or None,
                                         body["question"], self.core.ask_stream)
            async for event in events:
                await self.intake.publish(job.id, event)
                if event.get("type") == "final":
                    return
            raise RuntimeError("answer stream ended without a final event")
        except Exception as exc:
            log.exception("answering a web question failed")
            await self.intake.publish(job.id, self._error_event(exc))

    def _error_event(self, exc: Exception) -> dict:
        """What the waiting route is told; "transient": a dependency is down (the route answers 503)."""
        return {"type": "error", "error": redact(str(exc) or type(exc).__name__, self._secrets), "transient": is_transient(exc)}

    async def admin(self, job: Job) -> None:
        op = job.body.get("op")
        try:
            if op == "ingest":
                await self.ingest(job)
                return
            value: object  # the operation's result, as JSON
            if op == "plans":
                value = await self.core.plans()
            elif op == "remove":
                value = await self.core.remove(job.body["plan_id"])
            elif op == "health":
                value = await self.core.health()
            elif op == "plan_page":
                value = await self.core.plan_page(job.body["plan_id"])
            elif op == "tasks":
                value = await self.core.tasks(job.body.get("agency"), job.body.get("province"))
            elif op == "remind":  # the admin page's "send now" and tests: one pass, as the daily one
                value = (await self.remind(date.fromisoformat(job.body["today"]), bool(job.body.get("dry_run")))).to_json()
            elif op == "correct":
                try:
                    value = await self.core.correct_plan(job.body["plan_id"], job.body["fields"])
                except ValueError as exc:  # a value that cannot be right: the admin is told why
                    value = {"error": str(exc)}
            else:
                raise ValueError(f"unknown admin operation {op!r}")
        except Exception as exc:
            log.exception("admin operation failed", extra={"op": op})
            await self.intake.publish(job.id, self._error_event(exc))
            return
        await self.intake.publish(job.id, {"type": "result", "value": value})

    async def ingest(self, job: Job) -> None:
        """An admin upload, in the background: status for /admin/jobs/<id>, a Telegram note to the admins."""
        paths = [Path(p) for p in job.body["paths"]]
        await self.intake.set_status(job.id, {"state": "running", "files": [p.name for p in paths]})
        try:
            report = await self.core.ingest(paths)
        except Exception as exc:
            log.exception("admin ingest failed")
            await self.intake.set_status(job.id, {"state": "failed", "error": redact(str(exc) or type(exc).__name__, self._secrets)})
            return
        for row in report.rows:
            self.metrics.ingests.labels(row.status).inc()
        keep_successful(self.settings.data_dir / "uploads", paths, report)
        await self.intake.set_status(job.id, {"state": "done", "report": report.to_json()})
        log.info("admin ingest", extra={"files": len(paths), "counts": str(report.counts())})
        await self.notify_admins(report)

    async def notify_admins(self, report) -> None:
        from bot import formatting

        adapter = self.adapters.get("telegram")
        if adapter is None:
            return
        text = formatting.ingest_report_text(report.to_json())
        for admin_id in self.settings.admin_ids:
            message = InboundMessage("telegram", str(admin_id), str(admin_id), "admin-upload", f"admin-upload:{admin_id}")
            await self.dispatcher.reply(adapter, message, text)

    # -- reminders (bot.reminders) ----------------------------------------------------------------------
    async def remind(self, today: date, dry_run: bool = False) -> PassReport:
        """One reminder pass through this worker's channels and their paced, retried sends."""
        rows = await self.core.tasks()
        outbound = ChannelOutbound(self.adapters, self.dispatcher)
        return await ReminderPass(self.dispatcher.subscriptions, outbound, self.settings.reminder_days,
                                  self.settings.public_url).run(rows, today, dry_run)

    # -- the loop -------------------------------------------------------------------------------------
    async def run(self, stop: asyncio.Event) -> None:
        """Take and handle jobs until stop is set; then finish what is in hand (within the grace period)."""
        slots = asyncio.Semaphore(max(1, self.options.jobs_per_worker))
        tasks: set[asyncio.Task] = set()
        keep_alive = asyncio.create_task(self._renew_leases(), name=f"{self.name}-renew")
        if self.options.daily_reminders:
            daily = DailyReminders(self.coordination, self.settings.reminder_hour, self.remind)
            tasks.add(asyncio.create_task(daily.run(stop), name=f"{self.name}-reminders"))
        try:
            while not stop.is_set():
                await slots.acquire()
                try:
                    job = await self.intake.take(self.name, wait=TAKE_WAIT_SECONDS)
                except asyncio.CancelledError:
                    raise
                except Exception as exc:  # the store is briefly unreachable: wait, keep the worker alive
                    slots.release()
                    log.warning("taking a job failed", extra={"error": redact(str(exc), self._secrets)})
                    await asyncio.sleep(1.0)
                    continue
                if job is None:
                    slots.release()
                    continue
                task = asyncio.create_task(self._run_one(job, slots), name=f"{self.name}-job-{job.id}")
                tasks.add(task)
                task.add_done_callback(tasks.discard)
            if tasks:
                done, pending = await asyncio.wait(tasks, timeout=self.options.shutdown_grace)
                for task in pending:
                    task.cancel()  # its job stays in the intake and is answered after the restart
                await asyncio.gather(*pending, return_exceptions=True)
        finally:
            keep_alive.cancel()
            await asyncio.gather(keep_alive, return_exceptions=True)

    async def _run_one(self, job: Job, slots: asyncio.Semaphore) -> None:
        self.busy += 1
        self.metrics.jobs_in_hand.inc()
        try:
            if job.attempts > ANSWER_ATTEMPTS:  # its worker died on it each time: the message itself breaks it
                log.error("job given up after repeated failures", extra={"job": job.id, "kind": job.kind, "attempts": job.attempts})
                await self._give_up(job)
            else:
                try:
                    await self.handle(job)
                except asyncio.CancelledError:
                    raise
                except Exception as exc:
                    self.metrics.errors.labels(job.body.get("channel", job.kind)).inc()
                    if job.attempts < ANSWER_ATTEMPTS:
                        # acked means answered: a dependency down (or a surprise) sends the job back to the
                        # intake with backoff, its chat waiting in order; the apology only once out of attempts
                        delay = retry_delay(job.attempts)
                        if is_transient(exc):
                            log.warning("job failed for a transient reason, will retry", extra={
                                "job": job.id, "kind": job.kind, "attempts": job.attempts, "delay": delay,
                                "error": redact(f"{type(exc).__name__}: {exc}"[:300], self._secrets)})
                        else:
                            log.exception("job handling failed, will retry", extra={"job": job.id, "kind": job.kind, "attempts": job.attempts})
                        self.metrics.retries.labels(job.body.get("channel", job.kind)).inc()
                        await self.intake.retry_later(job, delay)
                        return
                    log.exception("job failed on its last attempt", extra={"job": job.id, "kind": job.kind, "attempts": job.attempts})
                    await self._give_up(job)
            await self._finish(job)
        finally:
            self.busy -= 1
            self.metrics.jobs_in_hand.dec()
            slots.release()

    async def _finish(self, job: Job) -> None:
        """Mark a handled job done, retrying while the store is away (its reply is sent: taking it again
        would answer twice). The lease is renewed meanwhile, so no other worker takes it."""
        delay = RETRY_BASE_SECONDS
        deadline = time.monotonic() + DONE_RETRY_SECONDS
        while True:
            try:
                await self.intake.done(job)
                return
            except Exception as exc:
                if time.monotonic() + delay > deadline:
                    raise
                log.warning("marking a job done failed, retrying", extra={
                    "job": job.id, "delay": delay, "error": redact(f"{type(exc).__name__}: {exc}"[:300], self._secrets)})
                await asyncio.sleep(delay)
                delay = min(delay * 2, RETRY_MAX_SECONDS)

    async def _give_up(self, job: Job) -> None:
        """A chat message tried ANSWER_ATTEMPTS times: its one apology (best effort), then it is done."""
        if job.kind not in ("message", "update"):
            return
        try:
            await self.dispatcher.apologise(decode_item(job))
        except Exception as exc:
            log.warning("apology failed", extra={"job": job.id, "error": redact(str(exc)[:300], self._secrets)})

    async def _renew_leases(self) -> None:
        while True:
            await asyncio.sleep(self.options.lease / 3)
            try:
                await self.intake.renew(self.name)
            except Exception as exc:
                log.warning("renewing leases failed", extra={"error": redact(str(exc), self._secrets)})

"""The durable intake: every channel stores a job here before it acknowledges; workers take jobs from it.
bot.stores opens one from Settings."""
from bot.intake.base import Intake, Job, JobKind

__all__ = ["Intake", "Job", "JobKind"]

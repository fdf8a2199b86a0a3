"""Deadlines that come to the official: subscriptions to agencies, reminders before tasks fall due, a calendar feed.

store.py (subscriptions, once-only claims, plan sightings in the question-log database) ← due.py (what each
chat is owed on a day, pure) ← messages.py (the words) ← sending.py (one pass: claim, send through the
channels' paced sends, record) ← schedule.py (the daily pass on one process of the cluster); chat.py (the
/theodoi commands), feed.py (iCalendar), routes.py (/calendar.ics and the admin view).
"""

"""The e-mail outbox: every e-mail of every app is stored here, then sent after commit.

`outbox.enqueue` / `outbox.enqueue_rendered` write the rows inside the caller's transaction;
delivery runs once it commits (a task: inline on the immediate backend, in the worker
otherwise); `manage.py send_outbox` retries what failed. See docs/decisions/0006-mail-outbox.md.
"""

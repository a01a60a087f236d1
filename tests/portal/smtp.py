"""An SMTP server that refuses every message, for outage tests (`smtp_down` fixture)."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend


class RefusingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPException("554 Transaction failed (test server refuses everything)")

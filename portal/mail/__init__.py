"""The e-mail outbox: messages stored with the change they talk about, sent after commit."""

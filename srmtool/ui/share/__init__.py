"""Editing one map together in the room: File → Share in the Room…, Join a Session… (``feature``)."""

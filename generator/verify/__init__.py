"""Verify: look at the built files before they are published."""

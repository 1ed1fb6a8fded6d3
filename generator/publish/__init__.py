"""Publish: swap the verified staging folder in for the previous output."""

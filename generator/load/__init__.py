"""Load: read content files safely, keeping the line of every value."""

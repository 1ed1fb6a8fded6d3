"""Privacy: find personal data and commercial secrets in text, mask them, and apply each field's
publication policy. A foundation: the check stage reports what it finds, the public view
publishes what it leaves, and the leak scan searches the built files with the same detector."""

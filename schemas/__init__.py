"""Package data: the JSON Schemas of the content files (generator.paths finds them through the package)."""

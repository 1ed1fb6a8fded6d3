"""Package data: gongshi's overrides of the Material theme (generator.paths finds them through the package)."""

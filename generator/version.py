"""The version of gongshi, and the version of the content format it reads.

The content format is the shape of a repository's files (content/, site_config/, mkdocs.yml). A
repository names its format in mkdocs.yml (`extra.content_format`); a gongshi that reads another
format refuses it with a message saying which version to install or what to change. The format
changes only when existing content would need editing, not with every release.
"""

__version__ = "0.1.0"
CONTENT_FORMAT = 1
# Repositories that name no format were written before formats were named: they are in the first.
UNNAMED_FORMAT = 1

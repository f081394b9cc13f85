"""The news reader: articles in, treaty facts with evidence out."""

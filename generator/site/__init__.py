"""The site stage: page views, lists, metadata and feeds built from the catalog (never from extract/)."""

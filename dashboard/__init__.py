"""What the dashboard pages share: the query layer, figure builders and filters."""

"""Facts: sentences scored for salience, shortened, dated; headline, summary and timeline."""

"""Who said what: quotation marks, direct and indirect speech, speakers and attributions."""

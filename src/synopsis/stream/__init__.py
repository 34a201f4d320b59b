"""Stream mode: articles arrive one by one and are grouped into stories."""

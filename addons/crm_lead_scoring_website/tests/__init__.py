from . import test_website_scoring

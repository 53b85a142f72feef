from . import caravan_book_wizard

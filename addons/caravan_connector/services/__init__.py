from . import caravan_client

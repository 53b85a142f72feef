from . import controllers, models, services, wizard

from . import (
    caravan_shipment,
    caravan_webhook_event,
    res_config_settings,
    stock_picking,
)

from . import res_config_settings, sample_parcel  # noqa: F401

# A small addon for the scaffold tests: settings in both view styles, a menu, rst fragments.
{  # noqa: B018 - a manifest is a bare dictionary
    "name": "Sample Connector",
    "summary": "Send parcels to the sample carrier.",
    "version": "17.0.2.1.0",
    "author": "Sample Labs",
    "website": "https://www.example.com/sample-labs",
    "support": "help@example.com",
    "license": "OPL-1",
    "depends": ["base_setup", "stock"],
    "external_dependencies": {"python": ["zeep"]},
    "data": [
        "views/sample_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "installable": True,
}

# Settings of a distributed lasana node.
DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql_psycopg2", "NAME": "lasana", "HOST": "s0.lasa.nya"}}

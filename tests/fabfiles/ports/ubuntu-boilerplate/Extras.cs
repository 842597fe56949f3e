// Part of the port of fabrique/ubuntu-boilerplate's fabfile.py (see Fabfile.cs): its seven extras, chosen by the `web`
// flavour or asked one by one with confirm(…, default=False), as the original does.
using static Fabric.Api;

namespace UbuntuBoilerplate;

/// <summary>The optional services of an install: the original's seven booleans, chosen by flavour or one question each.</summary>
internal sealed record Extras(bool Postgres, bool Mysql, bool Nginx, bool Memcached, bool Redis, bool Rabbitmq, bool Supervisor)
{
    /// <summary>The <c>web</c> flavour: a web front end, no database.</summary>
    public static Extras Web { get; } = new(Postgres: false, Mysql: false, Nginx: true, Memcached: true, Redis: true, Rabbitmq: false, Supervisor: true);

    /// <summary>Asks about each extra; every answer defaults to no.</summary>
    public static Extras Ask() => new(
        Confirm("Install PostgreSQL?", @default: false),
        Confirm("Install MySQL?", @default: false),
        Confirm("Install NGINX?", @default: false),
        Confirm("Install Memcached?", @default: false),
        Confirm("Install Redis?", @default: false),
        Confirm("Install RabbitMQ?", @default: false),
        Confirm("Install Supervisor?", @default: false));

    /// <summary>Installs the chosen extras (nginx with its configuration).</summary>
    public void Install()
    {
        if (Postgres)
        {
            Sudo("apt-get install libpq-dev postgresql-server-dev-9.3 postgresql-9.3 postgresql-client-9.3 python-psycopg2 -qy");
        }

        if (Mysql)
        {
            Sudo("apt-get install mysql-server mysql-client python-mysqldb libmysqlclient-dev");
        }

        if (Nginx)
        {
            Sudo("apt-get install nginx -qy");
            Put("./nginx.conf", Fabfile.At("/etc/nginx/nginx.conf"), useSudo: true, mode: "0644");
            Put("./proxy_params", Fabfile.At("/etc/nginx/proxy_params"), useSudo: true, mode: "0644");
        }

        if (Memcached)
        {
            Sudo("apt-get install memcached -qy");
        }

        if (Redis)
        {
            Sudo("apt-get install redis-server -qy");
        }

        if (Rabbitmq)
        {
            Sudo("apt-get install rabbitmq-server -qy");
        }

        if (Supervisor)
        {
            Sudo("apt-get install supervisor -qy");
        }
    }
}

// Generated from the OpenAPI document by `npm run gen:api`; do not edit.

export interface paths {
    "/api/access-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who read the data of which of your sensors, when and how often (admins: all) */
        get: operations["queryAccessLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/actuator-commands": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An actuator's command timeline, newest first: who asked, when, from where (UI, API, CLI, rule), and how it ended */
        get: operations["listActuatorCommands"];
        put?: never;
        /** Switch an actuator on, off or over; the gateway applies it when connected, a report confirms it */
        post: operations["requestActuatorCommand"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/actuator-commands/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One actuator command with its status and outcome */
        get: operations["getActuatorCommand"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alarms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open and past alarms of the sensors the caller may read (owner, admin, `read` grant), newest first */
        get: operations["listAlarms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alarms/{alarmId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One alarm: the setting it was judged by, since when, its values, and how it ended */
        get: operations["getAlarm"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit trail (admin): every event with who did what, in log order; filter by object, actor, type, time; JSON or CSV */
        get: operations["listAuditEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in with email and password; answers an access and a refresh token
         * @description Browser callers send `X-Requested-With: fetch`: the refresh token then comes as an HttpOnly, Secure, SameSite=Strict cookie on `/api/auth`, not in the body.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the login session of the presented token */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the logged-in user's password; other sessions end */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Trade a refresh token for a new token pair (the old one is used up)
         * @description The token comes in the body, or, for a browser, in the refresh cookie (then `X-Requested-With: fetch` is required and cross-site requests are refused). Browser callers send `X-Requested-With: fetch`: the refresh token then comes as an HttpOnly, Secure, SameSite=Strict cookie on `/api/auth`, not in the body.
         */
        post: operations["refreshSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API clients in id order, without secrets (admin) */
        get: operations["listApiClients"];
        put?: never;
        /** Register an API client (admin); answers its secret, once */
        post: operations["registerApiClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an API client (admin); its tokens stop working on the next request */
        post: operations["revokeApiClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a new client secret (admin); the old one stops working */
        post: operations["rotateApiClientSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/configuration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Desired vs applied settings per node and field, for the gateways the caller owns (at most 5000 rows) */
        get: operations["listConfiguration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's own dashboards with their current content */
        get: operations["listDashboards"];
        put?: never;
        /** A new, empty dashboard of the caller's (version 0) */
        post: operations["createDashboard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboards/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the caller's dashboards at its newest version */
        get: operations["getDashboard"];
        put?: never;
        post?: never;
        /** Delete a dashboard; its events stay in the log */
        delete: operations["deleteDashboard"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboards/{id}/duplicate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new dashboard with the content of this one, at its newest or an earlier version */
        post: operations["duplicateDashboard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboards/{id}/name": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Rename a dashboard */
        put: operations["renameDashboard"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboards/{id}/tiles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a tile at the end of the grid */
        post: operations["addDashboardTile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboards/{id}/tiles/{tileId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace a tile's spec; it keeps its place */
        put: operations["changeDashboardTile"];
        post?: never;
        /** Remove a tile */
        delete: operations["removeDashboardTile"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboards/{id}/time-range": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the range every tile shows unless it has its own */
        put: operations["setDashboardTimeRange"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboards/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version: who, when, what changed; newest first */
        get: operations["listDashboardVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboards/{id}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The dashboard as it was at a version (a preview) */
        get: operations["getDashboardVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboards/{id}/versions/{version}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make an earlier version the newest: its content is appended as a new version, nothing is lost */
        post: operations["restoreDashboardVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/gateways": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Gateways with their status, in id order */
        get: operations["listGateways"];
        put?: never;
        /** Register a gateway (admin); answers its network key, once */
        post: operations["registerGateway"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/gateways/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One gateway: lifecycle, connection, counters, last refusal */
        get: operations["getGateway"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the name, description or location of a gateway (admins) */
        patch: operations["changeGatewayDetails"];
        trace?: never;
    };
    "/api/gateways/{id}/configuration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The configuration of a gateway field by field, now or at an instant */
        get: operations["getGatewayConfiguration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/gateways/{id}/configuration/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every field change of a gateway in a time range, with before and after */
        get: operations["listGatewayConfigurationChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/gateways/{id}/decommission": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire the gateway (admin); its key stops working */
        post: operations["decommissionGateway"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/gateways/{id}/network-configuration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change a network setting of a ZigBee gateway (admins): permit join or channel */
        post: operations["requestNetworkConfiguration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/gateways/{id}/owner": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hand the gateway and everything behind it to another user (admin) */
        post: operations["changeGatewayOwner"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/gateways/{id}/ownership-periods/erase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Erase a former owner’s periods of the gateway: readings, alarms, commands, access log (admin) */
        post: operations["eraseOwnershipPeriods"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/gateways/{id}/permit-join": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Let devices join the gateway's ZigBee network for a while (0 closes; admin)
         * @description Records a `permit_join` network configuration request. A connected gateway is waited for (up to 15 s): 200 once its coordinator confirmed, 422 when it refused, 504 when the request expired. Otherwise 202: the request waits until the gateway connects or it expires.
         */
        post: operations["permitGatewayJoin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/gateways/{id}/rotate-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a new network key (admin); live sessions drop at once */
        post: operations["rotateGatewayKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Grants the caller gave or holds (admins: all), newest first */
        get: operations["listGrants"];
        put?: never;
        /** Grant a user or API client rights over gateways, nodes or sensors you own */
        post: operations["grantAccess"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/grants/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a grant you gave or hold (admins: any); it stops applying on the next request */
        post: operations["revokeGrant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/market/costs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cost per bucket of the caller's energy meters: each bucket's energy × the program's price covering it (never the price when a reading arrived) */
        get: operations["getMarketCosts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/market/enrollments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's enrollments, ended ones included */
        get: operations["listEnrollments"];
        put?: never;
        /** Join a program with some of the caller's plugs and the consent given; the utility sees an opaque ven and resources */
        post: operations["enroll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/market/enrollments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the caller's enrollments */
        get: operations["getEnrollment"];
        put?: never;
        post?: never;
        /** Leave the program: the utility no longer sees the ven or its resources; the enrollment stays as ended */
        delete: operations["leaveProgram"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/market/enrollments/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause: the program's signals stop acting on the plugs (the utility sees the ven as PAUSED) */
        post: operations["pauseEnrollment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/market/enrollments/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a paused enrollment (a running one stays as it is) */
        post: operations["resumeEnrollment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/market/programs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Programs the caller may join: utilities' tariffs, demand response, alerts and weather, oldest first */
        get: operations["listMarketPrograms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/market/programs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One program the caller may join */
        get: operations["getMarketProgram"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/market/signals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Signals of the caller's live enrollments over a range, as segments on the caller's wall clock: prices, DR events, alerts, weather */
        get: operations["listMarketSignals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the presented token speaks for */
        get: operations["getCurrentPrincipal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/main-meter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's main meter: the power sensor whose reading the sub-meters are subtracted from */
        get: operations["getMainMeter"];
        /** Choose (or with null, clear) the main meter; it must be a power sensor the caller may read */
        put: operations["chooseMainMeter"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/nodes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Devices and meters the gateways reported, in id order */
        get: operations["listNodes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/nodes/{nodeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One node with its sensors */
        get: operations["getNode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/nodes/{nodeId}/configuration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Desired and applied settings of a node, now or at an instant */
        get: operations["getNodeConfiguration"];
        put?: never;
        /** Change one setting of a node (admins): reporting, alarms, firmware or polling */
        post: operations["requestNodeConfiguration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/nodes/{nodeId}/configuration/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every configuration event of a node in a time range, with before and after */
        get: operations["listNodeConfigurationChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's webhook and e-mail channels */
        get: operations["listNotificationChannels"];
        put?: never;
        /** Add a webhook (answered with its signing secret, once) or an e-mail address (a code is mailed to it) */
        post: operations["addNotificationChannel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/channels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the caller's channels */
        get: operations["getNotificationChannel"];
        put?: never;
        post?: never;
        /** Remove a channel; nothing more is sent to it */
        delete: operations["removeNotificationChannel"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/channels/{id}/enabled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Switch a channel off, or on again (a broken one too, once it is fixed) */
        put: operations["setNotificationChannelEnabled"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/channels/{id}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new signing secret (shown once); the previous one keeps signing beside it for 24 hours */
        post: operations["rotateNotificationWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/channels/{id}/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify an e-mail channel with the code mailed to it */
        post: operations["verifyNotificationChannel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/channels/{id}/verification-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail a new verification code (valid 15 minutes) */
        post: operations["sendNotificationChannelCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's in-app notifications, newest first */
        get: operations["listNotificationInbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/inbox/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark inbox items read, by id or all at once */
        post: operations["markNotificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which topics reach which channel (the inbox receives every topic), and the quiet hours */
        get: operations["getNotificationPreferences"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/preferences/{topic}/{channelId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Whether a topic reaches one of the channels */
        put: operations["setNotificationPreference"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/quiet-hours": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Hold webhooks and e-mail in these local hours (never failed sheds or grid emergencies) */
        put: operations["setNotificationQuietHours"];
        post?: never;
        /** No quiet hours any more */
        delete: operations["clearNotificationQuietHours"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/oauth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * OAuth 2.0 client-credentials grant: an API client trades its id and secret for an access token
         * @description The client authenticates with `client_id` and `client_secret` in the body or with HTTP Basic (`Authorization: Basic base64(client_id:client_secret)`), not both. Errors follow RFC 6749 section 5.2 (`{ error, error_description }`), not problem details, so OAuth client libraries understand them.
         */
        post: operations["issueClientToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/readings/latest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The newest canonical reading of each sensor asked for */
        get: operations["getLatestReadings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/readings/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Time series of sensors: raw points or 15m/1h/1d buckets, as JSON or CSV (streamed)
         * @description CSV when `format=csv` or when the Accept header ranks text/csv above application/json.
         */
        get: operations["getReadingSeries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/readings/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Server-Sent Events: live canonical readings of the sensors, as they are stored
         * @description Each event is `event: reading` with a CanonicalReading as JSON in `data`; comment lines keep the stream alive. The last reading of each stored event carries `id:` with that event's log position; a client that reconnects with it as `Last-Event-ID` gets every reading after that event, none twice.
         */
        get: operations["streamReadings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's rules, and the proposals made to it */
        get: operations["listRules"];
        put?: never;
        /** A new rule of the caller’s, in force at once unless disabled */
        post: operations["defineRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One rule at its newest version */
        get: operations["getRule"];
        /** Replace the spec; the owner’s version is in force at once, a provider’s awaits acceptance */
        put: operations["reviseRule"];
        post?: never;
        /** Delete a rule; its events stay in the log */
        delete: operations["deleteRule"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rules/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept the exact version of a proposed rule: it acts from now on */
        post: operations["acceptRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rules/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline a proposed rule: it stays inert */
        post: operations["declineRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rules/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a rule (the owner only) */
        post: operations["disableRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rules/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a rule (the owner only) */
        post: operations["enableRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rules/dry-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What the caller’s rules in force (and a draft) would switch over a range, and why not elsewhere */
        post: operations["dryRunRules"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sensor-visibility": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The sensors of the gateways you own with their visibility, in id order (admins: all; clients: none) */
        get: operations["listSensorVisibility"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sensors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Known sensors with their newest value, in id order */
        get: operations["listSensors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sensors/{sensorId}/visibility": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Make a sensor you own private, shared through grants, or public as aggregates */
        put: operations["setSensorVisibility"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sensors/annotations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Moments from the log that explain a sensor's chart: its gateway online or offline, its node's configuration and firmware changes, its switches' commands */
        get: operations["listSensorAnnotations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/system/replays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This node's latest replays, newest first (admin) */
        get: operations["listReplays"];
        put?: never;
        /** Rebuild a read model (or all) from the event log while queries keep answering (admin) */
        post: operations["startReplay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/system/replays/{replayId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A replay's progress: events/s, ETA, done (admin) */
        get: operations["getReplay"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Registered users in id order (admin) */
        get: operations["listUsers"];
        put?: never;
        /** Register a user with a first password (admin) */
        post: operations["registerUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a user (admin); their sessions end at once */
        post: operations["disableUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make a user an admin or a plain user (admin) */
        post: operations["changeUserRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user's open login sessions (the user, or an admin) */
        get: operations["listUserSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/sessions/{sessionId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End one login session of a user (the user, or an admin); its tokens stop working on every node */
        post: operations["revokeUserSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/sessions/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every open login session of a user, the asking one too (the user, or an admin) */
        post: operations["revokeAllUserSessions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: event store and read models answer; projection lag */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics, including projection lag */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AcceptRuleRequestDto: {
            /** @description The `specHash` of the version the owner read: a proposal revised since answers 409 */
            specHash: string;
        };
        AccessLogEntryDto: {
            /** @description `user:<id>` or `client:<id>` */
            actorId: string;
            /** Format: date-time */
            firstAt: string;
            gatewayId: string;
            /** Format: date-time */
            lastAt: string;
            requests: number;
            rows: number;
            sensorId: string;
        };
        AccessLogPageDto: {
            items: components["schemas"]["AccessLogEntryDto"][];
        };
        ActuatorCommandDto: {
            /** @enum {string} */
            action: "on" | "off" | "toggle";
            /** Format: uuid */
            commandId: string;
            /** Format: date-time */
            dispatchedAt: string | null;
            /**
             * @description The switch state a report must show (1 on, 0 off); null for a toggle of an unknown state
             * @enum {integer|null}
             */
            expectedState: 0 | 1 | null;
            /**
             * Format: date-time
             * @description Without an outcome by then the command times out
             */
            expiresAt: string;
            /** Format: date-time */
            finishedAt: string | null;
            gatewayId: string;
            nodeId: string;
            /**
             * @description Where the command came from: the web UI, another API caller, the CLI, or a rule of the server; commands recorded before origins were read as api
             * @enum {string}
             */
            origin: "ui" | "api" | "cli" | "rule";
            /**
             * @description What the gateway or the expiry said
             * @example device_error: not connected
             */
            outcome: string | null;
            reason: string;
            /** Format: date-time */
            requestedAt: string;
            /**
             * @description Actor id of the caller
             * @example user:3f1c…
             */
            requestedBy: string;
            /** @example zigbee:0x00158d0001a2b3c4/1/switchState */
            sensorId: string;
            /**
             * @description Acknowledged once a report shows the expected state
             * @enum {string}
             */
            status: "requested" | "dispatched" | "acknowledged" | "failed" | "timed_out";
        };
        ActuatorCommandPageDto: {
            /** @description Newest first */
            items: components["schemas"]["ActuatorCommandDto"][];
            /** @description Pass as `before` for the next, older page; null at the end */
            nextBefore: number | null;
        };
        AddChannelRequestDto: {
            /** @description An HTTPS URL (webhook) or an e-mail address */
            address: string;
            /**
             * @description `webhook`: signed POSTs to `address`; `email`: mail to `address`
             * @enum {string}
             */
            kind: "webhook" | "email";
        };
        AlarmDto: {
            /** Format: uuid */
            alarmId: string;
            /**
             * Format: date-time
             * @description When the condition ended
             */
            clearedAt: string | null;
            /** @description The reading that ended it; null while open or when the setting ended it */
            clearedValue: number | null;
            /** @enum {string|null} */
            clearReason: "condition_ended" | "setting_disabled" | "setting_changed" | null;
            /**
             * @description voltage_band: on which side of the band
             * @enum {string|null}
             */
            direction: "above" | "below" | null;
            /** @description The reading at `since` */
            firstValue: number;
            gatewayId: string;
            /** @enum {string} */
            kind: "power_above" | "voltage_band";
            nodeId: string;
            /** @description Power: the highest reading; voltage: the one farthest outside the band — as of the raise while open, of the whole alarm once cleared */
            peak: number;
            /** @enum {string|null} */
            phase: "L1" | "L2" | "L3" | null;
            /**
             * Format: date-time
             * @description Measured time of the reading that tripped it
             */
            raisedAt: string;
            /** @description The reading that tripped it */
            raisedValue: number;
            sensorId: string;
            /** @description Order of raising; pass the last one of a page as `afterSeq` */
            seq: number;
            /** @description The setting it was judged by, as the node's configuration applied it */
            setting: components["schemas"]["AlarmPowerAboveChangeDto"] | components["schemas"]["AlarmVoltageBandChangeDto"];
            /**
             * Format: uuid
             * @description The configuration request that applied the setting
             */
            settingRequestId: string;
            /**
             * Format: date-time
             * @description Measured time of the first reading of the stretch that tripped it
             */
            since: string;
            /** @enum {string} */
            state: "open" | "cleared";
            /** @enum {string} */
            unit: "W" | "V";
        };
        AlarmPageDto: {
            items: components["schemas"]["AlarmDto"][];
            /** @description Pass as `afterSeq` for the next, older page; null at the end */
            nextAfterSeq: number | null;
        };
        AlarmPowerAboveChangeDto: {
            enabled: boolean;
            forSeconds: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "alarm_power_above";
            thresholdW: number;
        };
        AlarmVoltageBandChangeDto: {
            enabled: boolean;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "alarm_voltage_band";
            maxV: number;
            minV: number;
        };
        ApiClientPageDto: {
            items: components["schemas"]["ApiClientViewDto"][];
            /** @description Pass as `after` for the next page; null at the end */
            nextAfter: string | null;
        };
        ApiClientViewDto: {
            clientId: string;
            name: string;
            organisation: string;
            /** Format: date-time */
            registeredAt: string;
            /** Format: date-time */
            revokedAt: string | null;
            revokedReason: string | null;
            secretFingerprint: string;
            /** Format: date-time */
            secretRotatedAt: string | null;
        };
        AppliedNetworkValueDto: {
            /**
             * Format: date-time
             * @description When the confirmation was recorded
             */
            at: string;
            /** @description Actor id of who asked for the change */
            by: string;
            /** Format: uuid */
            requestId: string;
            /** @description Revision of the gateway stream that recorded it */
            revision: number;
            /** @description What the coordinator reported after applying it */
            value: components["schemas"]["PermitJoinReportDto"] | components["schemas"]["ChannelReportDto"];
        };
        AuditEntryDto: {
            actorId: string | null;
            correlationId: string | null;
            /** Format: uuid */
            eventId: string;
            /** Format: date-time */
            recordedAt: string;
            revision: number;
            /** @description Position in the trail; pass the last one as `afterSeq` */
            seq: number;
            /** @example gateway-gw-1 */
            stream: string;
            /** @example GatewayRegistered: name=home */
            summary: string;
            /** @example GatewayRegistered */
            type: string;
        };
        AuditPageDto: {
            items: components["schemas"]["AuditEntryDto"][];
            /** @description Oldest first: pass as `afterSeq` for the next page; null at the end (and newest first) */
            nextAfterSeq: number | null;
            /** @description Newest first (`order=desc`): pass as `beforeSeq` for the next page; null at the end (and oldest first) */
            nextBeforeSeq: number | null;
        };
        CanonicalReadingDto: {
            gatewayId: string;
            /** Format: date-time */
            measuredAt: string;
            /** @example zigbee:0x00124b0012345678 */
            nodeId: string;
            /** @enum {string} */
            phase?: "L1" | "L2" | "L3";
            position?: components["schemas"]["ReadingPositionDto"];
            /** @enum {string} */
            quantity: "power" | "energyImported" | "energyExported" | "voltage" | "current" | "frequency" | "gasVolume" | "temperature" | "switchState";
            /** Format: date-time */
            receivedAt: string;
            sensorId: string;
            /** @description Where it came from in the native protocol: `protocol` plus protocol-specific primitives */
            source?: {
                /** @enum {string} */
                protocol: "zigbee" | "zigbee2mqtt" | "dsmr" | "modbus";
            } & {
                [key: string]: string | number | boolean;
            };
            /** @enum {number} */
            tariff?: 1 | 2;
            /**
             * @description Fixed per quantity
             * @enum {string}
             */
            unit: "W" | "kWh" | "V" | "A" | "Hz" | "m3" | "Cel" | "1";
            value: number;
        };
        ChangedGatewayDetailsDto: {
            /**
             * @description The fields whose value changed; empty when the request changed nothing
             * @example [
             *       "name"
             *     ]
             */
            changedFields: string[];
            id: string;
        };
        ChangedGatewayOwnerDto: {
            /** @description False when the gateway already belonged to that owner (nothing was recorded) */
            changed: boolean;
            id: string;
            /** @description User id of the new owner */
            ownerId: string;
        };
        ChangedUserRoleDto: {
            /** @enum {string} */
            role: "admin" | "user";
            userId: string;
        };
        ChangedVisibilityDto: {
            /** @description False when the sensor already had this visibility (nothing was recorded) */
            changed: boolean;
            sensorId: string;
            /** @enum {string} */
            visibility: "private" | "shared" | "public_aggregate";
        };
        ChangeGatewayDetailsRequestDto: {
            /** @description Empty clears it */
            description?: string;
            /** @description Replaces the whole location; an omitted label becomes empty */
            location?: components["schemas"]["LocationRequestDto"];
            /** @example Home */
            name?: string;
        };
        ChangeOwnerRequestDto: {
            /** @description User id of the new owner */
            ownerId: string;
        };
        ChangePasswordRequestDto: {
            /** Format: password */
            currentPassword: string;
            /**
             * Format: password
             * @description At least 12 characters, not a common password
             */
            newPassword: string;
        };
        ChangeRoleRequestDto: {
            /** @enum {string} */
            role: "admin" | "user";
        };
        ChannelChangeDto: {
            channel: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "channel";
        };
        ChannelEnabledRequestDto: {
            enabled: boolean;
        };
        ChannelPreferencesDto: {
            /** @description `inbox` or a channel id */
            channelId: string;
            /** @description Per topic: whether it reaches the channel */
            topics: {
                [key: string]: boolean;
            };
        };
        ChannelReportDto: {
            /** @description The channel the coordinator reports it runs on */
            channel: number;
            /** @example 0xdddddddddddddddd */
            extendedPanId: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "channel";
            /** @description Incremented by each channel change */
            nwkUpdateId: number;
            panId: number;
        };
        ConfigurationChangeDto: {
            /** @description A JSON value: the field as the event recorded it, or null */
            after: string | number | boolean | (Record<string, never> | null) | unknown[];
            /** Format: date-time */
            at: string;
            /** @description A JSON value: the field as the event recorded it, or null */
            before: string | number | boolean | (Record<string, never> | null) | unknown[];
            /** @description Who asked for the change this event belongs to */
            by: string;
            detail: string | null;
            field: string;
            /** Format: uuid */
            requestId: string;
            revision: number;
            /** @example NodeConfigurationApplied */
            type: string;
        };
        CostBucketDto: {
            /** @description energy × the price covering the bucket */
            cost: number | null;
            currency: string | null;
            end: string;
            energyKWh: number | null;
            /** @enum {string|null} */
            reason: "unmeasured" | "unpriced" | "partly_priced" | "not_a_number" | "mixed_currency" | "unsupported_units" | null;
            start: string;
        };
        CostTotalDto: {
            /** @description False when some bucket has no cost (unmeasured or unpriced) */
            complete: boolean;
            cost: number;
            currency: string | null;
        };
        CounterBucketPointDto: {
            count: number;
            /** @description Consumption in the bucket, aware of counter resets */
            delta: number | null;
            /**
             * Format: date-time
             * @description Start of the bucket
             */
            t: string;
        };
        CreateDashboardRequestDto: {
            /** @example Kitchen */
            name: string;
        };
        CurrentPrincipalDto: {
            /** @description API clients only */
            clientId?: string;
            /**
             * @description API clients only: `bl` for a utility speaking OpenADR
             * @enum {string}
             */
            clientRole?: "api" | "bl";
            /** @enum {string} */
            kind: "user" | "client";
            /** @description API clients only */
            organisation?: string;
            /**
             * @description Users only
             * @enum {string}
             */
            role?: "admin" | "user";
            /** @description API clients only: the OpenADR scopes the token carries */
            scopes?: string[];
            /** @description Users logged in with a password only: the login session the token belongs to */
            sessionId?: string;
            /** @description Users only; `bootstrap-admin` for the bootstrap admin token */
            userId?: string;
        };
        DashboardDto: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            dashboardId: string;
            name: string;
            /** @description In grid order */
            tiles: components["schemas"]["TileDto"][];
            /** @description The range every tile shows unless it has its own */
            timeRange: components["schemas"]["TimeRangeDto"];
            /**
             * Format: date-time
             * @description When this version was recorded
             */
            updatedAt: string;
            /** @description The stream revision: send it back as `expectedVersion` to edit */
            version: number;
        };
        DashboardPageDto: {
            items: components["schemas"]["DashboardDto"][];
        };
        DashboardPreviewDto: {
            /** Format: date-time */
            createdAt: string;
            /** @description The dashboard's newest version */
            currentVersion: number;
            /** Format: uuid */
            dashboardId: string;
            name: string;
            /** @description In grid order */
            tiles: components["schemas"]["TileDto"][];
            /** @description The range every tile shows unless it has its own */
            timeRange: components["schemas"]["TimeRangeDto"];
            /**
             * Format: date-time
             * @description When this version was recorded
             */
            updatedAt: string;
            /** @description The stream revision: send it back as `expectedVersion` to edit */
            version: number;
        };
        DashboardVersionDto: {
            /** @description Who made it (`user:<id>`, `client:<id>`) */
            actorId: string;
            /** Format: date-time */
            at: string;
            /** @description What changed, in words */
            change: string;
            /** @description The stored event type */
            type: string;
            version: number;
        };
        DashboardVersionPageDto: {
            /** Format: uuid */
            dashboardId: string;
            /** @description Newest first */
            items: components["schemas"]["DashboardVersionDto"][];
        };
        DeclineRuleRequestDto: {
            reason?: string;
            /** @description The `specHash` of the version the owner read: a proposal revised since answers 409 */
            specHash: string;
        };
        DecommissionedGatewayDto: {
            /** Format: date-time */
            decommissionedAt: string;
            id: string;
        };
        DecommissionGatewayRequestDto: {
            /** @example replaced by gw-home-2 */
            reason?: string;
        };
        DefineRuleRequestDto: {
            /** @default true */
            enabled?: boolean;
            spec: components["schemas"]["RuleSpecRequestDto"];
        };
        DependencyCheckDto: {
            /** @description Why it is down */
            error?: string;
            /** @enum {string} */
            status: "up" | "down";
        };
        DesiredNetworkValueDto: {
            /**
             * Format: date-time
             * @description When it was recorded
             */
            at: string;
            /** @description Actor id of who asked for it */
            by: string;
            /** Format: uuid */
            requestId: string;
            /** @description Revision of the gateway stream that recorded it */
            revision: number;
            /** @description The change asked for */
            value: components["schemas"]["PermitJoinChangeDto"] | components["schemas"]["ChannelChangeDto"];
        };
        DisabledUserDto: {
            /** @enum {boolean} */
            disabled: true;
            userId: string;
        };
        DisableRuleRequestDto: {
            reason?: string;
        };
        DryRunRequestDto: {
            /** @description A rule not saved yet, planned beside the others */
            draft?: components["schemas"]["RuleSpecRequestDto"];
            /** Format: date-time */
            from: string;
            /**
             * @description Plan the draft alone
             * @default false
             */
            onlyDraft?: boolean;
            /**
             * Format: date-time
             * @description After `from`, at most 31 days later
             */
            to: string;
        };
        DuplicateDashboardRequestDto: {
            /** @description Default: the source's name + " (copy)" */
            name?: string;
            /** @description The source's version to copy; default its current */
            version?: number;
        };
        EnrollmentDto: {
            allowDispatch: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            modifiedAt: string;
            /** Format: date-time */
            pausedUntil: string | null;
            programId: string;
            /** @description The enrolled plugs */
            sensorIds: string[];
            /** @enum {string} */
            shareReports: "none" | "aggregate" | "per_resource";
            /** @enum {string} */
            status: "active" | "paused" | "ended";
            /** @description The OpenADR ven the utility sees in the owner's place (opaque, no personal data) */
            venId: string;
        };
        EnrollmentPageDto: {
            items: components["schemas"]["EnrollmentDto"][];
        };
        EnrollmentRequestDto: {
            /** @description Consent to demand-response dispatch of these plugs by the owner's accepted rules */
            allowDispatch: boolean;
            /**
             * @description The program to join (`id` from GET /api/market/programs)
             * @example c0a8…
             */
            programId: string;
            /** @description Plugs to enroll: sensor ids of the caller's own gateways (usually a plug's switchState). The utility sees each as a resource with an opaque name */
            sensorIds: string[];
            /**
             * @description Consent to share measurements with the utility in reports: none, the sum only, or per plug
             * @enum {string}
             */
            shareReports: "none" | "aggregate" | "per_resource";
        };
        ErasedOwnershipPeriodsDto: {
            /** @description Each period erased, `[from, to)`, one tombstone each */
            erased: components["schemas"]["ErasedPeriodDto"][];
            id: string;
            /** @description User id of the former owner */
            ownerId: string;
        };
        ErasedPeriodDto: {
            /**
             * Format: date-time
             * @description Null for the first owner’s period, which has no start
             */
            from: string | null;
            /** Format: date-time */
            to: string;
        };
        EraseOwnershipPeriodsRequestDto: {
            /** @description User id of the former owner whose ended periods are erased */
            ownerId: string;
            /** @example erasure requested by the former owner on 2026-12-01 */
            reason: string;
        };
        FieldChangeDto: {
            /** @description A string, an object for `location` and the network fields, or null */
            after: string | (Record<string, never> | null);
            /** Format: date-time */
            at: string;
            /** @description A string, an object for `location` and the network fields, or null. Network fields: the desired value for a request, the applied one for a confirmation, null for the other steps */
            before: string | (Record<string, never> | null);
            /** @description Who changed it; for network fields who asked for the change the step belongs to */
            by: string;
            /** @description Network fields: the request's reason, the confirmation, or why it was rejected */
            detail?: string | null;
            /** @enum {string} */
            field: "name" | "networkType" | "address" | "description" | "location" | "ownerId" | "keyFingerprint" | "lifecycle" | "network.channel" | "network.permitJoin";
            /**
             * Format: uuid
             * @description Network fields: the request the step belongs to
             */
            requestId?: string;
            revision: number;
            /** @example GatewayDetailsChanged */
            type: string;
        };
        FieldValueDto: {
            /** Format: date-time */
            at: string;
            /** @description Actor id of who asked for it */
            by: string;
            /** Format: uuid */
            requestId: string;
            /** @description The setting, one shape per `kind` */
            value: components["schemas"]["ReportingChangeDto"] | components["schemas"]["AlarmPowerAboveChangeDto"] | components["schemas"]["AlarmVoltageBandChangeDto"] | components["schemas"]["FirmwareUpdateChangeDto"] | components["schemas"]["PollIntervalChangeDto"];
        };
        FieldViolationSchema: {
            /**
             * @description The constraint it broke
             * @example max
             */
            constraint: string;
            /**
             * @description The request field, dotted for nested ones
             * @example location.lat
             */
            field: string;
            /** @example lat must not be greater than 90 */
            message: string;
        };
        FirmwareUpdateChangeDto: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "firmware_update";
            version: string;
        };
        GatewayConfigurationViewDto: {
            /** Format: date-time */
            at: string;
            /** @description Per field (`name`, `networkType`, `address`, `description`, `location`, `ownerId`, `keyFingerprint`, `lifecycle`): its value and who set it when */
            fields: {
                [key: string]: components["schemas"]["SetFieldDto"];
            };
            gatewayId: string;
            /** @description Desired vs applied network settings, each with who asked and when */
            network: components["schemas"]["NetworkConfigurationFieldDto"][];
            /** @description Network configuration requests waiting for the gateway at that instant */
            pending: components["schemas"]["PendingNetworkRequestDto"][];
            /** @description The last revision folded into this view; null when the gateway did not exist yet */
            revision: number | null;
        };
        GatewayLocationDto: {
            label: string;
            lat: number;
            lon: number;
        };
        GatewayPageDto: {
            items: components["schemas"]["GatewayViewDto"][];
            /** @description Pass as `after` for the next page; null at the end */
            nextAfter: string | null;
        };
        GatewayRefusalDto: {
            /** Format: date-time */
            at: string;
            detail: string;
            /** @example unknown_identity */
            reason: string;
        };
        GatewayViewDto: {
            address: string;
            /** @enum {string} */
            connection: "online" | "offline";
            /** Format: date-time */
            decommissionedAt: string | null;
            description: string;
            framesReceived: number;
            id: string;
            keyFingerprint: string;
            lastRefusal: components["schemas"]["GatewayRefusalDto"] | null;
            /** Format: date-time */
            lastSeenAt: string | null;
            /** @example bad_crc */
            lastUndecodedReason: string | null;
            /** @enum {string} */
            lifecycle: "registered" | "decommissioned";
            location: components["schemas"]["GatewayLocationDto"];
            name: string;
            /** @enum {string} */
            networkType: "zigbee" | "zigbee2mqtt" | "dsmr" | "modbus";
            openSessions: number;
            /** @description User id of the owner */
            ownerId: string;
            /** @description Payloads kept undecoded (bad CRC, unknown model, …) */
            payloadsUndecoded: number;
            readingsReceived: number;
            /** Format: date-time */
            registeredAt: string;
        };
        GaugeBucketPointDto: {
            avg: number | null;
            count: number;
            max: number | null;
            min: number | null;
            /**
             * Format: date-time
             * @description Start of the bucket
             */
            t: string;
        };
        GrantAccessRequestDto: {
            /** Format: date-time */
            expiresAt?: string;
            grantee: components["schemas"]["GranteeRequestDto"];
            rights: ("read" | "aggregate" | "command")[];
            /** @description Gateways, nodes and sensors the grant covers; the grantor must own each */
            scope: components["schemas"]["GrantScopeRequestDto"];
        };
        GranteeDto: {
            /** @description User id or API client id */
            id: string;
            /** @enum {string} */
            kind: "user" | "client";
        };
        GranteeRequestDto: {
            /** @description User id or API client id */
            id: string;
            /** @enum {string} */
            kind: "user" | "client";
        };
        GrantPageDto: {
            items: components["schemas"]["GrantViewDto"][];
            /** @description Pass as `after` for the next page; null at the end */
            nextAfter: string | null;
        };
        GrantScopeDto: {
            gatewayIds: string[];
            nodeIds: string[];
            sensorIds: string[];
        };
        GrantScopeRequestDto: {
            gatewayIds?: string[];
            nodeIds?: string[];
            sensorIds?: string[];
        };
        GrantViewDto: {
            /** Format: date-time */
            endedAt: string | null;
            /**
             * @description Why the grant ended before its time: `ownership_changed` when its grantor handed the gateway over.
             * @enum {string|null}
             */
            endReason: "ownership_changed" | null;
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: date-time */
            grantedAt: string;
            grantee: components["schemas"]["GranteeDto"];
            grantId: string;
            /** @description Actor id of who granted (`user:<id>`) */
            grantor: string;
            rights: ("read" | "aggregate" | "command")[];
            scope: components["schemas"]["GrantScopeDto"];
            /**
             * @description `expired` as soon as `expiresAt` has passed
             * @enum {string}
             */
            status: "active" | "revoked" | "expired";
        };
        HealthChecksDto: {
            eventStore: components["schemas"]["DependencyCheckDto"];
            readModels: components["schemas"]["DependencyCheckDto"];
        };
        HealthReportDto: {
            checks: components["schemas"]["HealthChecksDto"];
            /** @description Empty while a database is down */
            projections: components["schemas"]["ProjectionHealthDto"][];
            /** @enum {string} */
            status: "up" | "down";
        };
        HoldSourceDto: {
            eventId?: string;
            /** @enum {string} */
            kind: "dr" | "rule";
        };
        InboxItemDto: {
            /** Format: date-time */
            createdAt: string;
            data: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            notificationId: string;
            /** Format: date-time */
            readAt: Record<string, never> | null;
            /** @description The event the notification is about */
            subjectEventId: string;
            text: string;
            title: string;
            /** @enum {string} */
            topic: "alarm_raised" | "alarm_cleared" | "dr_event_announced" | "dr_event_started" | "dr_event_ended" | "price_threshold" | "alert" | "curtailment_failed" | "channel_broken";
            urgent: boolean;
        };
        InboxPageDto: {
            items: components["schemas"]["InboxItemDto"][];
            /** @description Unread items in all */
            unread: number;
        };
        IssuedClientSecretDto: {
            clientId: string;
            /** @description Shown in this answer only; the server keeps a verifier, never the secret */
            clientSecret: string;
            name: string;
            organisation: string;
            /** @description The provider a `bl` client acts for */
            providerId?: string;
            /**
             * @description `api`: reads what owners grant; `bl`: a utility speaking OpenADR 3.1.0
             * @enum {string}
             */
            role: "api" | "bl";
            /** @description Fingerprint of the secret, as lists and events show it */
            secretFingerprint: string;
        };
        IssuedGrantDto: {
            grantId: string;
        };
        IssuedNetworkKeyDto: {
            /** @description SHA-256 fingerprint of the key, as events and status views show it */
            fingerprint: string;
            /** @example gw-home-1 */
            id: string;
            /** @description The 256-bit network key, hex; shown once, never again */
            key: string;
        };
        LatestReadingsDto: {
            /** @description In the order asked for */
            items: components["schemas"]["CanonicalReadingDto"][];
            /** @description Ids that name no sensor the caller may see */
            missing: string[];
        };
        LivenessDto: {
            /** @enum {string} */
            status: "up";
        };
        LocationRequestDto: {
            /** @example Meter cupboard */
            label?: string;
            /** @example 52.09 */
            lat: number;
            /** @example 5.12 */
            lon: number;
        };
        LoginRequestDto: {
            /** @example ada@example.org */
            email: string;
            /** Format: password */
            password: string;
        };
        MainMeterDto: {
            /**
             * @description The power sensor read as the home total (the grid meter); the Now page shows it minus the sub-meters as untracked. Null: none chosen
             * @example dsmr:4530303331303033/power
             */
            sensorId: string | null;
        };
        MarkedReadDto: {
            /** @description How many unread items were marked read */
            marked: number;
        };
        MarkReadRequestDto: {
            /** @description Mark every unread item read (instead of `ids`) */
            all?: boolean;
            /** @description The items to mark read */
            ids?: string[];
        };
        MeterCostDto: {
            buckets: components["schemas"]["CostBucketDto"][];
            quantity: string;
            sensorId: string;
            total: components["schemas"]["CostTotalDto"];
        };
        NetworkConfigurationFieldDto: {
            /** @description What the coordinator last confirmed */
            applied: components["schemas"]["AppliedNetworkValueDto"] | null;
            /** @description What was last asked for */
            desired: components["schemas"]["DesiredNetworkValueDto"] | null;
            /** @enum {string} */
            field: "network.channel" | "network.permitJoin";
            /**
             * @description `differs`: the last request was rejected or timed out
             * @enum {string}
             */
            sync: "applied" | "pending" | "differs";
        };
        NetworkConfigurationRequestDto: {
            /** @description Required for kind `channel`: the 2.4 GHz ZigBee channel to move the running network to */
            channel?: number;
            /**
             * @description Which network setting changes; it decides the required field
             * @enum {string}
             */
            kind: "permit_join" | "channel";
            /** @description Stored with the request; empty when omitted */
            reason?: string;
            /** @description Required for kind `permit_join`: how long devices may join; 0 closes joining */
            seconds?: number;
            /**
             * @description How long the request may wait for the gateway to connect and its coordinator to confirm before it times out
             * @default 120
             */
            timeoutSeconds?: number;
        };
        NodeConfigurationFieldDto: {
            /** @description What the device last confirmed */
            applied: components["schemas"]["FieldValueDto"] | null;
            /** @description What was last asked for */
            desired: components["schemas"]["FieldValueDto"] | null;
            /** @example reporting.power */
            field: string;
            /**
             * @description `differs`: the last request failed
             * @enum {string}
             */
            sync: "applied" | "pending" | "differs";
        };
        NodeConfigurationListDto: {
            items: components["schemas"]["NodeConfigurationRowDto"][];
        };
        NodeConfigurationRequestDto: {
            /**
             * @description For kinds `alarm_power_above` and `alarm_voltage_band`: false switches the alarm off
             * @default true
             */
            enabled?: boolean;
            /** @description Required for kind `alarm_power_above`, ignored otherwise; how long the power must stay above */
            forSeconds?: number;
            /**
             * @description Which setting changes; it decides the required fields
             * @enum {string}
             */
            kind: "reporting" | "alarm_power_above" | "alarm_voltage_band" | "firmware_update" | "poll_interval";
            /** @description Required for kind `reporting`, ignored otherwise */
            maxIntervalS?: number;
            /** @description Required for kind `alarm_voltage_band`, ignored otherwise; volts */
            maxV?: number;
            /** @description Required for kind `reporting`, ignored otherwise; at most maxIntervalS */
            minIntervalS?: number;
            /** @description Required for kind `alarm_voltage_band`, ignored otherwise; volts, below maxV */
            minV?: number;
            /**
             * @description Required for kind `reporting`, ignored otherwise
             * @enum {string}
             */
            quantity?: "power" | "voltage" | "current" | "energyImported" | "temperature" | "switchState";
            /** @description Stored with the request; empty when omitted */
            reason?: string;
            /**
             * @description For kind `reporting`: the change that triggers a report, in the raw units the device counts
             * @default 0
             */
            reportableChange?: number;
            /** @description Required for kind `poll_interval`, ignored otherwise; how often a Modbus meter is polled, or how often a DSMR P1 reader forwards a telegram (which takes 1 to 900) */
            seconds?: number;
            /** @description Required for kind `alarm_power_above`, ignored otherwise; watts, above 0 */
            thresholdW?: number;
            /**
             * @description How long a device setting may wait for the device to confirm it before it times out
             * @default 300
             */
            timeoutSeconds?: number;
            /**
             * @description Required for kind `firmware_update`, ignored otherwise
             * @example 2.4.50
             */
            version?: string;
        };
        NodeConfigurationRowDto: {
            /** @description A JSON value: the field as the event recorded it, or null */
            applied: string | number | boolean | (Record<string, never> | null) | unknown[];
            /** Format: date-time */
            appliedAt: string | null;
            appliedBy: string | null;
            /** @description A JSON value: the field as the event recorded it, or null */
            desired: string | number | boolean | (Record<string, never> | null) | unknown[];
            /** Format: date-time */
            desiredAt: string;
            desiredBy: string;
            field: string;
            gatewayId: string;
            /** @description The device runs what was last asked for */
            inSync: boolean;
            nodeId: string;
            outcome: string | null;
            /** @enum {string} */
            status: "requested" | "sent" | "applied" | "rejected" | "timed_out";
        };
        NodeConfigurationViewDto: {
            /** Format: date-time */
            at: string;
            fields: components["schemas"]["NodeConfigurationFieldDto"][];
            nodeId: string;
            pending: components["schemas"]["PendingConfigurationRequestDto"][];
            /** @description The last revision of the node stream in this view; null before its first event */
            revision: number | null;
        };
        NodeDetailDto: {
            availability: string | null;
            firmware: string | null;
            gatewayId: string;
            /** Format: date-time */
            interviewedAt: string | null;
            /** Format: date-time */
            joinedAt: string | null;
            /** Format: date-time */
            lastSeenAt: string | null;
            /** Format: date-time */
            leftAt: string | null;
            linkQuality: number | null;
            model: string | null;
            /** @example zigbee:0x00124b0012345678 */
            nodeId: string;
            protocol: string | null;
            /** @description Sensors of the node that have reported, in id order */
            sensorIds: string[];
            /** @example joined */
            status: string;
            vendor: string | null;
        };
        NodePageDto: {
            items: components["schemas"]["NodeViewDto"][];
            /** @description Pass as `after` for the next page; null at the end */
            nextAfter: string | null;
        };
        NodeViewDto: {
            availability: string | null;
            firmware: string | null;
            gatewayId: string;
            /** Format: date-time */
            interviewedAt: string | null;
            /** Format: date-time */
            joinedAt: string | null;
            /** Format: date-time */
            lastSeenAt: string | null;
            /** Format: date-time */
            leftAt: string | null;
            linkQuality: number | null;
            model: string | null;
            /** @example zigbee:0x00124b0012345678 */
            nodeId: string;
            protocol: string | null;
            /** @example joined */
            status: string;
            vendor: string | null;
        };
        NotificationChannelDto: {
            address: string;
            /** Format: uuid */
            channelId: string;
            /** @enum {string} */
            kind: "webhook" | "email";
            /**
             * Format: date-time
             * @description Webhooks: the previous secret signs too until then
             */
            previousSecretValidUntil?: string;
            /** @description Webhooks: the fingerprint of the secret that signs now */
            signingSecretFingerprint?: string;
            /** @enum {string} */
            status: "unverified" | "active" | "disabled" | "broken";
            verified: boolean;
        };
        NotificationChannelPageDto: {
            items: components["schemas"]["NotificationChannelDto"][];
        };
        NotificationChannelWithSecretDto: {
            channel: components["schemas"]["NotificationChannelDto"];
            /** @description Webhooks: the signing secret (`whsec_…`), shown this once only */
            signingSecret?: string;
        };
        NotificationPreferencesDto: {
            channels: components["schemas"]["ChannelPreferencesDto"][];
            quietHours: components["schemas"]["QuietHoursDto"] | null;
            topics: ("alarm_raised" | "alarm_cleared" | "dr_event_announced" | "dr_event_started" | "dr_event_ended" | "price_threshold" | "alert" | "curtailment_failed" | "channel_broken")[];
        };
        OAuthErrorDto: {
            /** @enum {string} */
            error: "invalid_request" | "invalid_client" | "invalid_scope" | "unsupported_grant_type";
            error_description: string;
        };
        OwnerCostsDto: {
            /** @enum {string} */
            bucket: "15m" | "1h";
            from: string;
            meters: components["schemas"]["MeterCostDto"][];
            payloadType: string;
            programId: string;
            timeZone: string;
            to: string;
        };
        OwnerProgramDto: {
            descriptionUrls: string[];
            id: string;
            longName: string | null;
            /** @description What its events carry: PRICE, SIMPLE, ALERT_*, X_TEMPERATURE_FORECAST… */
            payloadTypes: string[];
            programName: string;
            /** @example PRICING_TARIFF */
            programType: string | null;
            /** Format: date-time */
            publishedAt: string;
            retailerName: string | null;
        };
        OwnerProgramPageDto: {
            items: components["schemas"]["OwnerProgramDto"][];
        };
        OwnerSignalsDto: {
            from: string;
            segments: components["schemas"]["SignalSegmentDto"][];
            timeZone: string;
            to: string;
        };
        PauseEnrollmentRequestDto: {
            /** @description A note for the owner's own history */
            reason?: string;
            /**
             * Format: date-time
             * @description When the owner means to resume (kept and shown as pausedUntil; the enrollment stays paused until resumed); absent or null: no date
             */
            until?: string | null;
        };
        PendingConfigurationRequestDto: {
            /** Format: date-time */
            expiresAt: string;
            field: string;
            /** Format: date-time */
            requestedAt: string;
            requestedBy: string;
            /** Format: uuid */
            requestId: string;
            /** @enum {string} */
            status: "requested" | "sent";
        };
        PendingNetworkRequestDto: {
            /** Format: date-time */
            expiresAt: string;
            /** @enum {string} */
            field: "network.channel" | "network.permitJoin";
            /** Format: date-time */
            requestedAt: string;
            requestedBy: string;
            /** Format: uuid */
            requestId: string;
            /** @enum {string} */
            status: "requested" | "sent";
        };
        PermitJoinChangeDto: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "permit_join";
            /** @description 0 closes joining */
            seconds: number;
        };
        PermitJoinReportDto: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "permit_join";
            /** @description Whether the coordinator let devices join right after the change */
            open: boolean;
            /**
             * Format: date-time
             * @description Until when, by the gateway's clock; null when closed
             */
            until: string | null;
        };
        PermitJoinRequestDto: {
            /** @description Stored with the request; empty when omitted */
            reason?: string;
            /**
             * @description 0 closes joining
             * @default 60
             */
            seconds?: number;
            /**
             * @description How long the request may wait for the gateway to connect and its coordinator to confirm before it times out
             * @default 120
             */
            timeoutSeconds?: number;
        };
        PermitJoinResultDto: {
            /** @description What the coordinator reported once applied; null otherwise */
            applied: components["schemas"]["PermitJoinReportDto"] | components["schemas"]["ChannelReportDto"] | (never | null);
            /** @example joining permitted until 2026-01-01T12:01:00.000Z */
            detail?: string;
            /** Format: date-time */
            expiresAt: string;
            /** @enum {string} */
            field: "network.channel" | "network.permitJoin";
            gatewayId: string;
            /** @description Always true here: a rejection is answered 422, an expiry 504 */
            ok: boolean;
            /** @description The gateway's confirmation or the reason for a rejection */
            outcome: string | null;
            /** Format: uuid */
            requestId: string;
            /**
             * @description `requested` until the gateway is connected and it is sent
             * @enum {string}
             */
            status: "requested" | "sent" | "applied" | "rejected" | "timed_out";
        };
        PlanDto: {
            holds: components["schemas"]["PlannedHoldDto"][];
            notifications: components["schemas"]["PlannedNotificationDto"][];
            /** @description Minutes of a need not acted on, and why */
            skipped: components["schemas"]["SkippedResourceDto"][];
        };
        PlannedHoldDto: {
            /** @enum {string} */
            action: "off" | "on";
            /** @description The need served: a DR event id, or `rule@<start>` */
            episode: string;
            /** Format: date-time */
            from: string;
            /**
             * Format: date-time
             * @description Enforced even if the signal is never withdrawn
             */
            hardUntil: string;
            holdId: string;
            /** @enum {string} */
            restore: "previous" | "on" | "none";
            /**
             * Format: date-time
             * @description `until` plus the stagger of this event and plug
             */
            restoreAt: string;
            ruleId: string;
            sensorId: string;
            source: components["schemas"]["HoldSourceDto"];
            /** Format: date-time */
            until: string;
        };
        PlannedNotificationDto: {
            /** Format: date-time */
            at: string;
            episode: string;
            ruleId: string;
            topic: string;
        };
        PollIntervalChangeDto: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "poll_interval";
            seconds: number;
        };
        PreferenceRequestDto: {
            /** @description Whether the topic reaches the channel */
            enabled: boolean;
        };
        ProblemSchema: {
            /**
             * @description What went wrong, for the caller; never internals
             * @example gateway gw-7 does not exist
             */
            detail: string;
            /**
             * @description Present when `errors` lists only the first 20 violations: how many there were in all
             * @example 57
             */
            errorCount?: number;
            /** @description Validation failures only: one entry per failed constraint, the first 20 */
            errors?: components["schemas"]["FieldViolationSchema"][];
            /**
             * @description The request path
             * @example /api/gateways/gw-7
             */
            instance: string;
            /** @example 404 */
            status: number;
            /**
             * @description Short summary of the status
             * @example Not Found
             */
            title: string;
            /**
             * @description What kind of problem: `about:blank` when the status says it all, else a `urn:wattlog:problem:…`
             * @example about:blank
             */
            type: string;
        };
        ProjectionHealthDto: {
            /** @description This node runs it (holds its lock) */
            active: boolean;
            /** @description Events in the log after its checkpoint */
            lag: number;
            lastError: string | null;
            name: string;
        };
        QuietHoursDto: {
            end: string;
            start: string;
            timeZone: string;
        };
        QuietHoursRequestDto: {
            /**
             * @description Local time HH:MM; before `start`: the quiet hours cross midnight
             * @example 07:00
             */
            end: string;
            /**
             * @description Local time HH:MM
             * @example 22:00
             */
            start: string;
            /**
             * @description IANA time zone the times are in
             * @example Europe/Amsterdam
             */
            timeZone: string;
        };
        RawPointDto: {
            /** Format: date-time */
            t: string;
            value: number;
        };
        ReadingPositionDto: {
            label?: string;
            lat: number;
            lon: number;
        };
        ReadingSeriesDto: {
            /** @enum {string} */
            bucket: "raw" | "15m" | "1h" | "1d";
            /** Format: date-time */
            from: string;
            /** @description Ids that name no sensor the caller may see */
            missing: string[];
            series: components["schemas"]["SensorSeriesDto"][];
            /** Format: date-time */
            to: string;
        };
        ReasonRequestDto: {
            reason?: string;
        };
        RefreshRequestDto: {
            /** @description The refresh token of the last login or refresh answer; omitted by a browser, whose token is in the refresh cookie */
            refreshToken?: string;
        };
        RegisterApiClientRequestDto: {
            /** @example billing export */
            name: string;
            /**
             * @description The organisation the client acts for; trimmed, not blank
             * @example Grid Co
             */
            organisation: string;
            /**
             * @description Only for `bl`: the provider it acts for (several clients may share one); default: a provider of its own
             * @example grid-co
             */
            providerId?: string;
            /**
             * @description `api` reads what owners grant it; `bl` is a utility publishing programs and events over OpenADR 3.1.0
             * @default api
             * @enum {string}
             */
            role?: "api" | "bl";
        };
        RegisteredUserDto: {
            displayName: string;
            /** @description Trimmed and lower-cased */
            email: string;
            /** @enum {string} */
            role: "admin" | "user";
            userId: string;
        };
        RegisterGatewayRequestDto: {
            /**
             * @description Where the gateway is reachable or installed
             * @example 192.0.2.10
             */
            address: string;
            description?: string;
            /**
             * @description Omitted: a UUID is generated
             * @example gw-home-1
             */
            id?: string;
            location: components["schemas"]["LocationRequestDto"];
            /** @example Home */
            name: string;
            /** @enum {string} */
            networkType: "zigbee" | "zigbee2mqtt" | "dsmr" | "modbus";
            /** @description User id of the owner; defaults to the caller */
            ownerId?: string;
        };
        RegisterUserRequestDto: {
            displayName: string;
            /** @example ada@example.org */
            email: string;
            /**
             * Format: password
             * @description At least 12 characters, not a common password
             */
            password: string;
            /** @enum {string} */
            role: "admin" | "user";
        };
        RenameDashboardRequestDto: {
            /** @description The `version` the client last read */
            expectedVersion: number;
            name: string;
        };
        ReplayDto: {
            /** @description Events applied so far */
            applied: number;
            /** @description Being rebuilt now */
            current: string | null;
            error: string | null;
            /** @description Seconds left at the rate so far */
            etaSeconds: number | null;
            eventsPerSecond: number;
            /** Format: date-time */
            finishedAt: string | null;
            /** @description What was asked: a read model or `all` */
            projection: string;
            /** @description The read models in the order they are rebuilt */
            projections: string[];
            replayId: string;
            /** Format: date-time */
            startedAt: string;
            /** @description Actor id of whoever started it */
            startedBy: string;
            /** @enum {string} */
            state: "running" | "done" | "failed";
            /** @description Events to apply (the log may grow meanwhile) */
            total: number;
        };
        ReplayListDto: {
            /** @description This node's latest replays, newest first */
            items: components["schemas"]["ReplayDto"][];
            /** @description Read models a replay can be started for (besides `all`) */
            readModels: string[];
        };
        ReportingChangeDto: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "reporting";
            maxIntervalS: number;
            minIntervalS: number;
            /** @enum {string} */
            quantity: "power" | "voltage" | "current" | "energyImported" | "temperature" | "switchState";
            reportableChange: number;
        };
        RequestActuatorCommandDto: {
            /** @enum {string} */
            action: "on" | "off" | "toggle";
            /**
             * @description Where the command comes from, shown in the actuator's command timeline: the web UI, the CLI, or another API caller
             * @default api
             * @enum {string}
             */
            origin?: "ui" | "api" | "cli";
            /**
             * @description Stored with the command; empty when omitted
             * @example evening routine
             */
            reason?: string;
            /**
             * @description A `switchState` sensor
             * @example zigbee:0x00158d0001a2b3c4/1/switchState
             */
            sensorId: string;
            /**
             * @description How long the command may wait for an outcome (also while the gateway is offline) before it times out
             * @default 60
             */
            timeoutSeconds?: number;
        };
        RequestedNetworkConfigurationDto: {
            /** @description What the coordinator reported once applied; null otherwise */
            applied: components["schemas"]["PermitJoinReportDto"] | components["schemas"]["ChannelReportDto"] | (never | null);
            /** Format: date-time */
            expiresAt: string;
            /** @enum {string} */
            field: "network.channel" | "network.permitJoin";
            gatewayId: string;
            /** @description The gateway's confirmation or the reason for a rejection */
            outcome: string | null;
            /** Format: uuid */
            requestId: string;
            /**
             * @description `requested` until the gateway is connected and it is sent
             * @enum {string}
             */
            status: "requested" | "sent" | "applied" | "rejected" | "timed_out";
        };
        RequestedNodeConfigurationDto: {
            /** @example reporting.power */
            field: string;
            nodeId: string;
            /** Format: uuid */
            requestId: string;
            /**
             * @description Alarm settings are `applied` at once; device settings start `requested`
             * @enum {string}
             */
            status: "requested" | "sent" | "applied" | "rejected" | "timed_out";
        };
        ReviseRuleRequestDto: {
            /** @description The version read; another one answers 409 */
            expectedVersion?: number;
            spec: components["schemas"]["RuleSpecRequestDto"];
        };
        RevokedApiClientDto: {
            clientId: string;
            /** @enum {boolean} */
            revoked: true;
        };
        RevokedGrantDto: {
            grantId: string;
            /** Format: date-time */
            revokedAt: string;
        };
        RevokedSessionsDto: {
            /** @description How many open sessions ended */
            revoked: number;
        };
        RotatedClientSecretDto: {
            clientId: string;
            /** @description Shown in this answer only; the server keeps a verifier, never the secret */
            clientSecret: string;
            secretFingerprint: string;
        };
        RuleDto: {
            /** @enum {string} */
            acceptance: "accepted" | "pending" | "declined";
            /** Format: date-time */
            createdAt: string;
            enabled: boolean;
            /** @description Enabled and its current version accepted: the planner uses it */
            inForce: boolean;
            origin: components["schemas"]["RuleOriginDto"];
            ownerId: string;
            ruleId: string;
            /** @description The rule spec (docs/automation.md) */
            spec: {
                [key: string]: unknown;
            };
            /** @description Names this exact version; what an acceptance names */
            specHash: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        RuleOriginDto: {
            /** @enum {string} */
            kind: "owner" | "provider";
            /** @description provider: for which program */
            programId?: string;
            /** @description provider: who proposed it */
            providerId?: string;
        };
        RulePageDto: {
            items: components["schemas"]["RuleDto"][];
        };
        RuleSpecRequestDto: {
            /** @description Owner limits no signal overrides: forbiddenWindows, maxOffMinutesPerEvent (required), maxOffMinutesPerDay, minOnMinutesBetweenSheds, minOffMinutes, maxShedsPerDay, mustBeOnBy */
            constraints: {
                [key: string]: unknown;
            };
            /** @example Boiler off at peaks */
            name: string;
            /** @description Conditions, all of which must hold: time_window, load_above, state_known */
            only?: {
                [key: string]: unknown;
            }[];
            /** @description Lower wins among the owner’s rules */
            priority?: number;
            /** @description Actions: switch_off, switch_on, notify */
            then: {
                [key: string]: unknown;
            }[];
            /**
             * @description IANA time zone the local times are read in
             * @example Europe/Amsterdam
             */
            timezone: string;
            /** @description Triggers, any of which starts a need: price, price_rank, ghg, dr_event, alert, alarm, reading */
            when: {
                [key: string]: unknown;
            }[];
        };
        SensorAnnotationDto: {
            /** Format: date-time */
            at: string;
            /**
             * @description The sensor's gateway came online or went offline, its node's configuration or firmware changed, or one of the node's switches was commanded
             * @enum {string}
             */
            kind: "gateway_online" | "gateway_offline" | "configuration" | "firmware" | "command";
            /** @example gateway gw-1 offline (link lost) */
            label: string;
            /**
             * Format: date-time
             * @description Node configuration and firmware only: when the log stored the change (the instant the node's configuration history uses; `at` is when the device applied it)
             */
            recordedAt?: string;
        };
        SensorAnnotationsDto: {
            /** @description Oldest first */
            items: components["schemas"]["SensorAnnotationDto"][];
            /** @description More happened in the range than one answer holds (the newest 500 are kept); ask for a shorter range */
            truncated: boolean;
        };
        SensorPageDto: {
            items: components["schemas"]["SensorViewDto"][];
            /** @description Pass as `after` for the next page; null at the end */
            nextAfter: string | null;
        };
        SensorSeriesDto: {
            gatewayId: string;
            /** @enum {string} */
            kind: "gauge" | "counter";
            nodeId: string;
            /** @description Raw points for `bucket=raw`; gauge buckets (avg/min/max) or counter buckets (delta) otherwise */
            points: (components["schemas"]["RawPointDto"] | components["schemas"]["GaugeBucketPointDto"] | components["schemas"]["CounterBucketPointDto"])[];
            /** @enum {string} */
            quantity: "power" | "energyImported" | "energyExported" | "voltage" | "current" | "frequency" | "gasVolume" | "temperature" | "switchState";
            sensorId: string;
            /** @enum {string} */
            unit: "W" | "kWh" | "V" | "A" | "Hz" | "m3" | "Cel" | "1";
        };
        SensorViewDto: {
            gatewayId: string;
            /** Format: date-time */
            lastMeasuredAt: string;
            lastValue: number;
            nodeId: string;
            /** @enum {string} */
            phase?: "L1" | "L2" | "L3";
            /** @enum {string} */
            quantity: "power" | "energyImported" | "energyExported" | "voltage" | "current" | "frequency" | "gasVolume" | "temperature" | "switchState";
            /** @example zigbee:0x00124b0012345678/1/power */
            sensorId: string;
            /** @enum {number} */
            tariff?: 1 | 2;
            /** @enum {string} */
            unit: "W" | "kWh" | "V" | "A" | "Hz" | "m3" | "Cel" | "1";
        };
        SensorVisibilityPageDto: {
            items: components["schemas"]["SensorVisibilityViewDto"][];
            /** @description Pass as `after` for the next page; null at the end */
            nextAfter: string | null;
        };
        SensorVisibilityRequestDto: {
            /** @enum {string} */
            visibility: "private" | "shared" | "public_aggregate";
        };
        SensorVisibilityViewDto: {
            /** Format: date-time */
            changedAt: string | null;
            /** @description Actor id of who set it; null while never set */
            changedBy: string | null;
            gatewayId: string;
            nodeId: string;
            /** @enum {string} */
            quantity: "power" | "energyImported" | "energyExported" | "voltage" | "current" | "frequency" | "gasVolume" | "temperature" | "switchState";
            /** @example zigbee:0x00124b0012345678/1/power */
            sensorId: string;
            /**
             * @description `shared` (visible through grants) until set otherwise
             * @enum {string}
             */
            visibility: "private" | "shared" | "public_aggregate";
        };
        SessionListDto: {
            /** @description Open sessions, the most recently refreshed first */
            items: components["schemas"]["SessionViewDto"][];
        };
        SessionViewDto: {
            /**
             * Format: date-time
             * @description The login that opened it
             */
            createdAt: string;
            /** @description The session of the token that asked */
            current: boolean;
            /**
             * Format: date-time
             * @description Its refresh tokens stop working then, however often used
             */
            expiresAt: string;
            /**
             * Format: date-time
             * @description The login or the latest refresh
             */
            lastRefreshedAt: string;
            sessionId: string;
        };
        SetFieldDto: {
            /** Format: date-time */
            at: string;
            /** @description Actor id of who set it */
            by: string;
            /** @description Revision of the gateway stream that set it */
            revision: number;
            /** @description A string, an object for `location` and the network fields, or null */
            value: string | (Record<string, never> | null);
        };
        SignalSegmentDto: {
            /** @example EUR */
            currency: string | null;
            /** @example 2026-12-08T00:15:00+01:00 */
            end: string;
            eventId: string | null;
            /** @enum {string} */
            kind: "price" | "demand_response" | "alert" | "weather" | "emissions" | "other";
            /** @example PRICE */
            payloadType: string;
            priority: number | null;
            programId: string;
            /**
             * @description Local time with offset, clipped to the range
             * @example 2026-12-08T00:00:00+01:00
             */
            start: string;
            /** @example KWH */
            units: string | null;
            /** @description One value for prices and levels; alerts keep their texts */
            values: (number | string | boolean | Record<string, never>)[];
        };
        SkippedResourceDto: {
            episode: string;
            /** Format: date-time */
            from: string;
            /** @enum {string} */
            reason: "forbidden_window" | "must_be_on_by" | "event_cap_reached" | "daily_cap_reached" | "max_sheds_reached" | "shorter_than_min_off" | "min_on_between_sheds" | "off_wins_over_on" | "state_unknown" | "load_unknown" | "load_below_threshold" | "condition_not_met" | "resource_not_enrolled" | "dispatch_not_allowed" | "enrollment_paused" | "opted_out" | "stale_prices";
            ruleId: string;
            /** @description null: the rule as a whole (stale prices) */
            sensorId: string | null;
            /** Format: date-time */
            to: string;
        };
        StartReplayRequestDto: {
            /**
             * @description A read model (its table name, as /health lists it), or `all`
             * @example audit_log
             */
            projection: string;
        };
        TileChangeRequestDto: {
            /** @description The `version` the client last read */
            expectedVersion: number;
            tile: components["schemas"]["TileRequestDto"];
        };
        TileDto: {
            /** @enum {string} */
            kind: "chart" | "number" | "gauge" | "switch" | "alarms";
            /** @description gauge */
            max?: number;
            /** @description gauge */
            min?: number;
            /** @description number, gauge, switch */
            sensorId?: string;
            /** @description chart, alarms */
            sensorIds?: string[];
            tileId: string;
            /** @description chart, alarms: overrides the dashboard's range */
            timeRange?: components["schemas"]["TimeRangeDto"];
            title: string;
        };
        TileRequestDto: {
            /** @enum {string} */
            kind: "chart" | "number" | "gauge" | "switch" | "alarms";
            /** @description gauge: the value at the full end, above `min` */
            max?: number;
            /** @description gauge: the value at the empty end */
            min?: number;
            /** @description number, gauge, switch: the sensor */
            sensorId?: string;
            /** @description chart: 1 to 8 sensors; alarms: 0 to 8 (none: every sensor the viewer may read) */
            sensorIds?: string[];
            /** @description chart, alarms: this tile's own range instead of the dashboard's */
            timeRange?: components["schemas"]["TimeRangeRequestDto"];
            /** @example Kitchen power */
            title: string;
        };
        TimeRangeChangeRequestDto: {
            /** @description The `version` the client last read */
            expectedVersion: number;
            timeRange: components["schemas"]["TimeRangeRequestDto"];
        };
        TimeRangeDto: {
            /** Format: date-time */
            from?: string;
            /** @enum {string} */
            kind: "relative" | "absolute";
            /** @enum {string} */
            last?: "1h" | "24h" | "7d" | "30d" | "1y";
            /** Format: date-time */
            to?: string;
        };
        TimeRangeRequestDto: {
            /**
             * Format: date-time
             * @description For an absolute range: ISO-8601 with a zone
             */
            from?: string;
            /**
             * @description `relative`: the last `last` up to now; `absolute`: `from` to `to`
             * @enum {string}
             */
            kind: "relative" | "absolute";
            /**
             * @description For a relative range
             * @enum {string}
             */
            last?: "1h" | "24h" | "7d" | "30d" | "1y";
            /**
             * Format: date-time
             * @description For an absolute range: ISO-8601 with a zone, after `from`
             */
            to?: string;
        };
        TokenPairDto: {
            /** @description Signed access token (JWT); send as `Authorization: Bearer …` */
            accessToken: string;
            /** @description Seconds until the access token expires */
            expiresIn: number;
            /** @description Opaque, single use: a refresh answers a new pair, and reusing an old one ends the session. Absent for browser callers, who get it as the HttpOnly refresh cookie */
            refreshToken?: string;
            /** @enum {string} */
            tokenType: "Bearer";
        };
        TokenRequestDto: {
            /** @description Omit when sending HTTP Basic credentials */
            client_id?: string;
            /** @description Omit when sending HTTP Basic credentials */
            client_secret?: string;
            /** @enum {string} */
            grant_type: "client_credentials";
            /**
             * @description Space-delimited scopes (RFC 6749 3.3); each must be one the client role holds, else `invalid_scope`. Omitted: all of them
             * @example read_all write_events
             */
            scope?: string;
        };
        TokenResponseDto: {
            /** @description Signed access token (JWT); send as `Authorization: Bearer …` */
            access_token: string;
            /** @description Seconds until the token expires */
            expires_in: number;
            /** @description The scopes granted, space-delimited (OpenADR 3.1.0 scopes of `bl` clients) */
            scope?: string;
            /** @enum {string} */
            token_type: "Bearer";
        };
        UserPageDto: {
            items: components["schemas"]["UserViewDto"][];
            /** @description Pass as `after` for the next page; null at the end */
            nextAfter: string | null;
        };
        UserViewDto: {
            /** Format: date-time */
            disabledAt: string | null;
            disabledReason: string | null;
            displayName: string;
            email: string;
            /** Format: date-time */
            registeredAt: string;
            /** @enum {string} */
            role: "admin" | "user";
            userId: string;
        };
        VerifyChannelRequestDto: {
            /** @description The six digits mailed to the address */
            code: string;
        };
        VersionedRequestDto: {
            /** @description The `version` the client last read */
            expectedVersion: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    queryAccessLog: {
        parameters: {
            query?: {
                /** @description Actor id (`user:<id>`, `client:<id>`) */
                actor?: string;
                limit?: number;
                sensor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessLogPageDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    listActuatorCommands: {
        parameters: {
            query: {
                /** @description The `nextBefore` of the previous page */
                before?: number;
                limit?: number;
                /** @description The actuator: its `switchState` sensor id */
                sensor: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActuatorCommandPageDto"];
                };
            };
            /** @description sensor is missing, or limit or before is invalid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The sensor does not exist, or the caller holds no `command` right on it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    requestActuatorCommand: {
        parameters: {
            query?: never;
            header?: {
                /** @description A repeat with the same key (per caller) answers 200 with the command made the first time; the same key with a different body is 400 */
                "idempotency-key"?: string;
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestActuatorCommandDto"];
            };
        };
        responses: {
            /** @description The command an earlier request with this Idempotency-Key made */
            200: {
                headers: {
                    /** @description The command: `/api/actuator-commands/{commandId}` */
                    location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActuatorCommandDto"];
                };
            };
            /** @description The new command, waiting for dispatch */
            202: {
                headers: {
                    /** @description The command: `/api/actuator-commands/{commandId}` */
                    location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActuatorCommandDto"];
                };
            };
            /** @description The body is invalid, or the Idempotency-Key was used with a different body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The sensor does not exist, or the caller holds no `command` right on it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Another command holds the actuator until its outcome; retry after it settles */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The sensor is not a switch, or its driver has no switch command */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    getActuatorCommand: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The command id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActuatorCommandDto"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The command does not exist, or the caller holds no `command` right on its sensor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    listAlarms: {
        parameters: {
            query?: {
                /** @description The `nextAfterSeq` of the previous page */
                afterSeq?: number;
                /** @description ISO-8601 with a zone: alarms not cleared before this instant */
                from?: string;
                limit?: number;
                /** @description Only this node's */
                node?: string;
                /** @description Only this sensor's */
                sensor?: string;
                /** @description `open` alarms only, `cleared` ones only, or `all` */
                state?: "open" | "cleared" | "all";
                /** @description ISO-8601 with a zone: alarms raised before this instant */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlarmPageDto"];
                };
            };
            /** @description A parameter is invalid, or `from` is not before `to` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    getAlarm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                alarmId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlarmDto"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The alarm does not exist, or the caller may not read its sensor */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    listAuditEntries: {
        parameters: {
            query?: {
                actorId?: string;
                /** @description The `nextAfterSeq` of the previous page */
                afterSeq?: number;
                /** @description With `order=desc`: the `nextBeforeSeq` of the previous page */
                beforeSeq?: number;
                format?: "json" | "csv";
                /** @description ISO-8601; entries recorded at or after */
                from?: string;
                limit?: number;
                /** @description A gateway, node, sensor or command id the entry is about */
                object?: string;
                /** @description `desc`: newest first */
                order?: "asc" | "desc";
                stream?: string;
                /** @description ISO-8601; entries recorded before */
                to?: string;
                type?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON page, or CSV with the next page's afterSeq in the x-next-after-seq header */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPageDto"];
                    "text/csv": components["schemas"]["AuditPageDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPairDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Wrong email or password, or the user is disabled */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session ended; its tokens stop working */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The token belongs to no login session (bootstrap admin token, client token) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordRequestDto"];
            };
        };
        responses: {
            /** @description The password changed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Wrong current password, a new password the policy refuses, or no login session */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    refreshSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RefreshRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPairDto"];
                };
            };
            /** @description A browser refresh without a refresh cookie: there is no session to continue */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unknown, used or expired refresh token; a reused one ends the session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description A cookie refresh without the browser header, or from another site */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    listApiClients: {
        parameters: {
            query?: {
                /** @description The `nextAfter` of the previous page */
                after?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiClientPageDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    registerApiClient: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterApiClientRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedClientSecretDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    revokeApiClient: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path: {
                /** @description API client id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ReasonRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevokedApiClientDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The object does not exist or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Already revoked, or changed concurrently */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    rotateApiClientSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path: {
                /** @description API client id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RotatedClientSecretDto"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The object does not exist or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The client is revoked or was changed concurrently */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    listConfiguration: {
        parameters: {
            query?: {
                /** @description Only this gateway (one the caller owns; else the list is empty) */
                gateway?: string;
                /** @description Only this node */
                node?: string;
                /** @description Only fields whose last request has this status */
                status?: "requested" | "sent" | "applied" | "rejected" | "timed_out";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NodeConfigurationListDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    listDashboards: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardPageDto"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    createDashboard: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDashboardRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    getDashboard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardDto"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The dashboard does not exist, is deleted, or is not the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    deleteDashboard: {
        parameters: {
            query: {
                /** @description The `version` the client last read */
                expectedVersion: number;
            };
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is invalid: `errors` or `detail` names each problem (limits on tiles, series, name length) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The dashboard does not exist, is deleted, or is not the caller's; or a tile names a sensor the caller may not use */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The dashboard is no longer at `expectedVersion`: read it again and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    duplicateDashboard: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DuplicateDashboardRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The dashboard or version does not exist, or is not the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    renameDashboard: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RenameDashboardRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardDto"];
                };
            };
            /** @description The request is invalid: `errors` or `detail` names each problem (limits on tiles, series, name length) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The dashboard does not exist, is deleted, or is not the caller's; or a tile names a sensor the caller may not use */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The dashboard is no longer at `expectedVersion`: read it again and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    addDashboardTile: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TileChangeRequestDto"];
            };
        };
        responses: {
            /** @description The dashboard; the new tile is the last */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardDto"];
                };
            };
            /** @description The request is invalid: `errors` or `detail` names each problem (limits on tiles, series, name length) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The dashboard does not exist, is deleted, or is not the caller's; or a tile names a sensor the caller may not use */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The dashboard is no longer at `expectedVersion`: read it again and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    changeDashboardTile: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path: {
                id: string;
                tileId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TileChangeRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardDto"];
                };
            };
            /** @description The request is invalid: `errors` or `detail` names each problem (limits on tiles, series, name length) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The dashboard does not exist, is deleted, or is not the caller's; or a tile names a sensor the caller may not use */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The dashboard is no longer at `expectedVersion`: read it again and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    removeDashboardTile: {
        parameters: {
            query: {
                /** @description The `version` the client last read */
                expectedVersion: number;
            };
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path: {
                id: string;
                tileId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardDto"];
                };
            };
            /** @description The request is invalid: `errors` or `detail` names each problem (limits on tiles, series, name length) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The dashboard does not exist, is deleted, or is not the caller's; or a tile names a sensor the caller may not use */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The dashboard is no longer at `expectedVersion`: read it again and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    setDashboardTimeRange: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TimeRangeChangeRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardDto"];
                };
            };
            /** @description The request is invalid: `errors` or `detail` names each problem (limits on tiles, series, name length) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The dashboard does not exist, is deleted, or is not the caller's; or a tile names a sensor the caller may not use */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The dashboard is no longer at `expectedVersion`: read it again and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    listDashboardVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardVersionPageDto"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The dashboard does not exist, is deleted, or is not the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    getDashboardVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardPreviewDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No such dashboard or version, or not the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    restoreDashboardVersion: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path: {
                id: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VersionedRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardDto"];
                };
            };
            /** @description The request is invalid: `errors` or `detail` names each problem (limits on tiles, series, name length) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The dashboard does not exist, is deleted, or is not the caller's; or a tile names a sensor the caller may not use */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The dashboard is no longer at `expectedVersion`: read it again and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    listGateways: {
        parameters: {
            query?: {
                /** @description The `nextAfter` of the previous page */
                after?: string;
                lifecycle?: "registered" | "decommissioned";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayPageDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    registerGateway: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterGatewayRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedNetworkKeyDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description A gateway with this id is already registered */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    getGateway: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Gateway id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayViewDto"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The object does not exist or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    changeGatewayDetails: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Gateway id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeGatewayDetailsRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChangedGatewayDetailsDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The object does not exist or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The gateway is decommissioned, or it was changed concurrently too often; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    getGatewayConfiguration: {
        parameters: {
            query?: {
                /** @description The configuration as it was at this instant; omitted: now */
                at?: string;
            };
            header?: never;
            path: {
                /** @description Gateway id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayConfigurationViewDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The gateway does not exist, or the caller owns not it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    listGatewayConfigurationChanges: {
        parameters: {
            query: {
                /** @description Start of the range */
                from: string;
                /** @description End of the range; not before `from` */
                to: string;
            };
            header?: never;
            path: {
                /** @description Gateway id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldChangeDto"][];
                };
            };
            /** @description from or to is missing or invalid, or from is after to */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The gateway does not exist, or the caller owns not it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    decommissionGateway: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path: {
                /** @description Gateway id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["DecommissionGatewayRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecommissionedGatewayDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The object does not exist or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Already decommissioned, or changed concurrently */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    requestNetworkConfiguration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Gateway id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NetworkConfigurationRequestDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestedNetworkConfigurationDto"];
                };
            };
            /** @description The body is invalid, or the field its `kind` needs is missing */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The object does not exist or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The gateway is decommissioned, or it was changed concurrently too often; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The gateway is not a ZigBee gateway */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    changeGatewayOwner: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path: {
                /** @description Gateway id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeOwnerRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChangedGatewayOwnerDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The object does not exist or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The gateway is decommissioned or was changed concurrently */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    eraseOwnershipPeriods: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path: {
                /** @description Gateway id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EraseOwnershipPeriodsRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasedOwnershipPeriodsDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unknown gateway, or the user has no ended period of it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The user owns the gateway now, or it was changed concurrently */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    permitGatewayJoin: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path: {
                /** @description Gateway id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PermitJoinRequestDto"];
            };
        };
        responses: {
            /** @description The coordinator confirmed; `applied` says until when joining is open */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PermitJoinResultDto"];
                };
            };
            /** @description The gateway is not connected, or has not answered yet: the request waits */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestedNetworkConfigurationDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The object does not exist or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The gateway is decommissioned, or it was changed concurrently too often; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The gateway is not a ZigBee gateway, or its coordinator refused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request expired before the gateway answered */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    rotateGatewayKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path: {
                /** @description Gateway id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedNetworkKeyDto"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The object does not exist or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The gateway is decommissioned or was changed concurrently */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    listGrants: {
        parameters: {
            query?: {
                /** @description Only grants given to or by this actor id (`user:<id>`, `client:<id>`) */
                actor?: string;
                /** @description The `nextAfter` of the previous page */
                after?: string;
                limit?: number;
                /** @description Grants the caller gave or holds (admins: all when omitted) */
                role?: "given" | "held";
                status?: "active" | "revoked" | "expired";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrantPageDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    grantAccess: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GrantAccessRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedGrantDto"];
                };
            };
            /** @description Invalid fields, an unknown grantee, or an expiry in the past */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description An object of the scope does not exist or is not yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    revokeGrant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Grant id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevokedGrantDto"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The object does not exist or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The grant is already revoked or expired */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    getMarketCosts: {
        parameters: {
            query: {
                bucket?: "15m" | "1h";
                /** @description Start of the range (inclusive), with its zone */
                from: string;
                /** @description Which price of the program: PRICE (import) or EXPORT_PRICE */
                payloadType?: string;
                /** @description The program whose prices apply (one the caller is or was enrolled in) */
                programId: string;
                /** @description Energy meters (energyImported or energyExported sensors): repeat the parameter */
                sensor: string[];
                /** @description The owner's IANA time zone: times are answered on its wall clock, day-long durations follow it */
                timeZone?: string;
                /** @description End of the range (exclusive); at most 31 days after from */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnerCostsDto"];
                };
            };
            /** @description Invalid range or bucket boundaries, or a sensor that is not an energy counter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The program is not one the caller is or was enrolled in, or a meter the caller may not read */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    listEnrollments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnrollmentPageDto"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    enroll: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnrollmentRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnrollmentDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The program does not exist, or a plug is not on the caller's own gateways */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller is enrolled in that program already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    getEnrollment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnrollmentDto"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The enrollment does not exist or is not the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    leaveProgram: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnrollmentDto"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The enrollment does not exist or is not the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The enrollment has ended already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    pauseEnrollment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PauseEnrollmentRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnrollmentDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The enrollment does not exist or is not the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The enrollment has ended */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    resumeEnrollment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnrollmentDto"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The enrollment does not exist or is not the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The enrollment has ended */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    listMarketPrograms: {
        parameters: {
            query?: {
                limit?: number;
                skip?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnerProgramPageDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    getMarketProgram: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnerProgramDto"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The program does not exist or was withdrawn */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    listMarketSignals: {
        parameters: {
            query: {
                /** @description Start of the range (inclusive), with its zone */
                from: string;
                /** @description Only signals of this kind */
                kind?: "price" | "demand_response" | "alert" | "weather" | "emissions" | "other";
                /** @description Only this program (one the caller is enrolled in) */
                programId?: string;
                /** @description The owner's IANA time zone: times are answered on its wall clock, day-long durations follow it */
                timeZone?: string;
                /** @description End of the range (exclusive); at most 31 days after from */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnerSignalsDto"];
                };
            };
            /** @description Invalid range (reversed, longer than 31 days), time zone or kind */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The program named is not one the caller is enrolled in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    getCurrentPrincipal: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CurrentPrincipalDto"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    getMainMeter: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MainMeterDto"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    chooseMainMeter: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MainMeterDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MainMeterDto"];
                };
            };
            /** @description sensorId is missing or invalid, or the sensor does not measure power */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The sensor does not exist, or the caller may not read it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    listNodes: {
        parameters: {
            query?: {
                /** @description The `nextAfter` of the previous page */
                after?: string;
                /** @description Only this gateway's */
                gateway?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NodePageDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    getNode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The node id; it may hold `/` and `:`, encoded or not (`zigbee2mqtt:gw-1/kitchen plug`) */
                nodeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NodeDetailDto"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The object does not exist or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    getNodeConfiguration: {
        parameters: {
            query?: {
                /** @description The configuration as it was at this instant; omitted: now */
                at?: string;
            };
            header?: never;
            path: {
                /** @description The node id, URL-encoded (`zigbee2mqtt%3Agw-1%2Fkitchen%20plug`); ids longer than 100 characters are answered 404 here */
                nodeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NodeConfigurationViewDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The node does not exist, or the caller owns not its gateway */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    requestNodeConfiguration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The node id, URL-encoded (`zigbee2mqtt%3Agw-1%2Fkitchen%20plug`); ids longer than 100 characters are answered 404 here */
                nodeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NodeConfigurationRequestDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestedNodeConfigurationDto"];
                };
            };
            /** @description The body is invalid, or a field its `kind` needs is missing */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The node does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The node was changed concurrently too often; retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    listNodeConfigurationChanges: {
        parameters: {
            query: {
                /** @description Start of the range */
                from: string;
                /** @description End of the range; not before `from` */
                to: string;
            };
            header?: never;
            path: {
                /** @description The node id, URL-encoded (`zigbee2mqtt%3Agw-1%2Fkitchen%20plug`); ids longer than 100 characters are answered 404 here */
                nodeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigurationChangeDto"][];
                };
            };
            /** @description from or to is missing or invalid, or from is after to */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The node does not exist, or the caller owns not its gateway */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    listNotificationChannels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationChannelPageDto"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    addNotificationChannel: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddChannelRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationChannelWithSecretDto"];
                };
            };
            /** @description Not an HTTPS URL, an address no webhook may reach, or not an e-mail address */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description E-mail is not configured on this server, or the code could not be mailed */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    getNotificationChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationChannelDto"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The channel does not exist, was removed, or is not the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    removeNotificationChannel: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The channel does not exist, was removed, or is not the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    setNotificationChannelEnabled: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChannelEnabledRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationChannelDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The channel does not exist, was removed, or is not the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    rotateNotificationWebhookSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationChannelWithSecretDto"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The channel does not exist, was removed, or is not the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The channel is not a webhook */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    verifyNotificationChannel: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyChannelRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationChannelDto"];
                };
            };
            /** @description Not six digits; or the code is wrong, expired or used up */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The channel does not exist, was removed, or is not the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The channel is verified already, or is a webhook */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    sendNotificationChannelCode: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Mailed */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The channel does not exist, was removed, or is not the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The channel needs no code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description E-mail is not configured, or the mail failed */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    listNotificationInbox: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Only unread items */
                unread?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxPageDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    markNotificationsRead: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarkReadRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarkedReadDto"];
                };
            };
            /** @description Neither `ids` nor `all: true` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    getNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferencesDto"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    setNotificationPreference: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path: {
                channelId: string;
                topic: "alarm_raised" | "alarm_cleared" | "dr_event_announced" | "dr_event_started" | "dr_event_ended" | "price_threshold" | "alert" | "curtailment_failed" | "channel_broken";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreferenceRequestDto"];
            };
        };
        responses: {
            /** @description Set */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An unknown topic, or the inbox (it receives every topic) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Not one of the caller's channels */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    setNotificationQuietHours: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuietHoursRequestDto"];
            };
        };
        responses: {
            /** @description Set */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A time is not HH:MM, start equals end, or the time zone is unknown */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    clearNotificationQuietHours: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cleared */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    issueClientToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenRequestDto"];
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponseDto"];
                };
            };
            /** @description `invalid_request` (missing or repeated parameter, credentials sent twice), `invalid_scope` or `unsupported_grant_type` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthErrorDto"];
                };
            };
            /** @description `invalid_client`: unknown, revoked or wrong credentials; carries `WWW-Authenticate: Basic` */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthErrorDto"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    getLatestReadings: {
        parameters: {
            query: {
                /** @description Sensor ids, up to 500: repeat the parameter (`?sensor=a&sensor=b`) */
                sensor: string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LatestReadingsDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    getReadingSeries: {
        parameters: {
            query: {
                /** @description `raw` points, or 15-minute, hourly, daily buckets */
                bucket: "raw" | "15m" | "1h" | "1d";
                /** @description Overrides the Accept header */
                format?: "json" | "csv";
                /** @description ISO-8601 with a zone (Z or ±hh:mm), or a plain date (UTC) */
                from: string;
                /** @description Sensor ids, up to 50: repeat the parameter (`?sensor=a&sensor=b`) */
                sensor: string[];
                /** @description ISO-8601 with a zone (Z or ±hh:mm), or a plain date (UTC) */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The series, streamed page by page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadingSeriesDto"];
                    "text/csv": string;
                };
            };
            /** @description Invalid parameters, a range longer than the bucket allows, or too many raw points */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    streamReadings: {
        parameters: {
            query: {
                /** @description Sensor ids, up to 500: repeat the parameter (`?sensor=a&sensor=b`) */
                sensor: string[];
            };
            header: {
                "last-event-id": string;
                /** @description Resume after the event with this log position (the last `id:` received) */
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An endless event stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The server already serves as many live streams as it allows */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    listRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RulePageDto"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    defineRule: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DefineRuleRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleDto"];
                };
            };
            /** @description The spec is invalid: `detail` names each problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The rule is not the caller's, or it names a plug the caller may not command or a sensor it may not read */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    getRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleDto"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The rule does not exist, is deleted, or is not the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    reviseRule: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviseRuleRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleDto"];
                };
            };
            /** @description The spec is invalid: `detail` names each problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The rule is not the caller's, or it names a plug the caller may not command or a sensor it may not read */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The rule is no longer at `expectedVersion` */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    deleteRule: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The rule does not exist, is deleted, or is not the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description A provider may not delete a rule its owner accepted */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    acceptRule: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptRuleRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The rule is not the caller's, or it switches a plug the caller may not command */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The proposal was revised since (`specHash` differs), or the rule is not a proposal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    declineRule: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeclineRuleRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The rule does not exist, is deleted, or is not the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The proposal was revised since, or the rule is not a proposal */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    disableRule: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DisableRuleRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The rule does not exist, is deleted, or is not the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Only the owner may disable a rule */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    enableRule: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleDto"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The rule does not exist, is deleted, or is not the caller's */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Only the owner may enable a rule */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    dryRunRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DryRunRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanDto"];
                };
            };
            /** @description The spec is invalid: `detail` names each problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The rule is not the caller's, or it names a plug the caller may not command or a sensor it may not read */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    listSensorVisibility: {
        parameters: {
            query?: {
                /** @description The `nextAfter` of the previous page */
                after?: string;
                /** @description Only this gateway's */
                gateway?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SensorVisibilityPageDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    listSensors: {
        parameters: {
            query?: {
                /** @description The `nextAfter` of the previous page */
                after?: string;
                /** @description Only this gateway's */
                gateway?: string;
                limit?: number;
                /** @description Only this node's */
                node?: string;
                quantity?: "power" | "energyImported" | "energyExported" | "voltage" | "current" | "frequency" | "gasVolume" | "temperature" | "switchState";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SensorPageDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    setSensorVisibility: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The sensor id; it holds `/` and `:`, encoded or not (`zigbee:0x00158d0001a2b3c4/1/power`) */
                sensorId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SensorVisibilityRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChangedVisibilityDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The object does not exist or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    listSensorAnnotations: {
        parameters: {
            query: {
                /** @description ISO-8601 with a zone */
                from: string;
                sensor: string;
                /** @description ISO-8601 with a zone */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SensorAnnotationsDto"];
                };
            };
            /** @description sensor, from or to is missing or invalid, or from is after to */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The sensor does not exist, or the caller may not read it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    listReplays: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayListDto"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    startReplay: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartReplayRequestDto"];
            };
        };
        responses: {
            /** @description Started; poll its progress */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayDto"];
                };
            };
            /** @description Not a read model */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description A replay is already running on this node */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    getReplay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Replay id */
                replayId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayDto"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The object does not exist or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /** @description The `nextAfter` of the previous page */
                after?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPageDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    registerUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterUserRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisteredUserDto"];
                };
            };
            /** @description Invalid fields, or a password the policy refuses */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description A user with this email is already registered */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    disableUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path: {
                /** @description User id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ReasonRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DisabledUserDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The object does not exist or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Already disabled, or changed concurrently */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    changeUserRole: {
        parameters: {
            query?: never;
            header?: {
                /** @description Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used */
                "x-correlation-id"?: string;
            };
            path: {
                /** @description User id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeRoleRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChangedUserRoleDto"];
                };
            };
            /** @description The request is invalid; `errors` lists each failed constraint */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The object does not exist or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The user is disabled or was changed concurrently */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is larger than the server accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The request body is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    listUserSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description User id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionListDto"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No such user, or not the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    revokeUserSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description User id */
                id: string;
                /** @description Session id */
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session ended */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No such user or open session of that user, or not the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    revokeAllUserSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description User id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevokedSessionsDto"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description The caller may not perform this operation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description No such user, or not the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthReportDto"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description A database does not answer */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthReportDto"];
                };
            };
        };
    };
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LivenessDto"];
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format 0.0.4 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Rate limit exceeded; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
            /** @description Unexpected server error (details are logged, not returned) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemSchema"];
                };
            };
        };
    };
}

"""Notifications, for admins: contact routing, email settings per organisation and person, webhook targets (the
secret shown once), a "send test" for each channel, and the outbox's deliveries with their errors."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Response, status

from api.deps import Admin, JsonBody, SettingsDep, StoreDep
from api.models import (
    DeliveryOut,
    NotifySettingsIn,
    OwnerKindIn,
    RoutesIn,
    TestIn,
    WebhookCreated,
    WebhookIn,
    WebhookOut,
)
from triage import service
from triage.store import notifications, outbox
from triage.store.outbox import DeliveryStatus

router = APIRouter(prefix="/notify", tags=["notifications"])


def delivery_out(delivery: outbox.Delivery) -> DeliveryOut:
    return DeliveryOut(**{k: v for k, v in asdict(delivery).items() if k != "payload"})


@router.get("/routes", operation_id="list_contact_routes")
def read_routes(principal: Admin, store: StoreDep) -> dict[str, list[str]]:
    """Each routed contact's partner organisations; an organisation no contact is routed to goes to every contact."""
    return notifications.routes(store)


@router.put(
    "/routes/{contact_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="set_contact_routes",
    dependencies=[JsonBody],
)
def put_routes(contact_id: str, body: RoutesIn, principal: Admin, store: StoreDep) -> Response:
    service.set_contact_routes(store, contact_id, body.orgs)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.put(
    "/settings/{owner_kind}/{owner}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="set_notify_settings",
    dependencies=[JsonBody],
)
def put_settings(
    owner_kind: OwnerKindIn, owner: str, body: NotifySettingsIn, principal: Admin, store: StoreDep
) -> Response:
    service.set_notify_settings(
        store, owner_kind, owner, email_events=body.email_events, include_plan=body.include_plan
    )
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/webhooks", response_model=list[WebhookOut], operation_id="list_webhooks")
def read_webhooks(principal: Admin, store: StoreDep) -> Any:
    return [WebhookOut(**asdict(h)) for h in notifications.list_webhooks(store)]


@router.post(
    "/webhooks",
    response_model=WebhookCreated,
    status_code=status.HTTP_201_CREATED,
    operation_id="create_webhook",
    dependencies=[JsonBody],
)
def create_webhook(body: WebhookIn, principal: Admin, store: StoreDep, settings: SettingsDep) -> Any:
    hook, secret = service.add_webhook(store, settings, body.owner_kind, body.owner, body.url, body.format, body.events)
    return WebhookCreated(**asdict(hook), secret=secret)


@router.delete("/webhooks/{webhook_id}", status_code=status.HTTP_204_NO_CONTENT, operation_id="revoke_webhook")
def delete_webhook(webhook_id: str, principal: Admin, store: StoreDep) -> Response:
    if len(webhook_id) > 40 or not notifications.revoke_webhook(store, webhook_id):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such active webhook")
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/test", response_model=DeliveryOut, operation_id="send_test", dependencies=[JsonBody])
def send_test(body: TestIn, principal: Admin, store: StoreDep, settings: SettingsDep) -> Any:
    """Send one test message now to a webhook or a person's email; the delivery says whether it arrived and why not."""
    delivery = service.send_test(
        store, settings, by=principal.name or principal.key_id, webhook_id=body.webhook_id, key_id=body.key_id
    )
    return delivery_out(delivery)


@router.get("/deliveries", response_model=list[DeliveryOut], operation_id="list_deliveries")
def read_deliveries(
    principal: Admin,
    store: StoreDep,
    status_: Annotated[DeliveryStatus | None, Query(alias="status")] = None,
    case_id: Annotated[str | None, Query(max_length=40)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> Any:
    """Messages newest first; `status=dead` lists the failed ones with their last error."""
    return [delivery_out(d) for d in outbox.deliveries(store, status=status_, case_id=case_id, limit=limit)]

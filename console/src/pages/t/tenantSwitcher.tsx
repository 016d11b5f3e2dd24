import { DropdownMenu } from "@kobalte/core/dropdown-menu";
import { useNavigate } from "@solidjs/router";
import { For, Show } from "solid-js";
import type { Me } from "../../session/sessionContext.js";

/** For users in several tenants: switching goes to the same screen of the other tenant. */
export function TenantSwitcher(props: { me: Me; currentTenantId: string; section: string }) {
  const navigate = useNavigate();
  const current = () => props.me.tenants.find((tenant) => tenant.tenantId === props.currentTenantId);
  return (
    <Show when={props.me.tenants.length > 1} fallback={<span class="tenant-name">{current()?.name}</span>}>
      <DropdownMenu>
        <DropdownMenu.Trigger class="tenant-switcher" aria-label={`Tenant: ${current()?.name ?? ""}. Switch tenant`}>
          {current()?.name} ▾
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content class="menu">
            <For each={props.me.tenants}>
              {(tenant) => (
                <DropdownMenu.Item class="menu-item" onSelect={() => navigate(`/t/${tenant.tenantId}/${props.section}`)} disabled={tenant.tenantId === props.currentTenantId}>
                  {tenant.name} <span class="muted">({tenant.role})</span>
                </DropdownMenu.Item>
              )}
            </For>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu>
    </Show>
  );
}
